using System.Collections.Immutable;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Results;
using Grader.Core.Submissions;
using Grader.Core.Tracks;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Tracks;

[Collection(CSharpGradingCollection.Name)]
public sealed class TrackSelectorTests(CSharpGradingFixture fixture)
{
    private TrackSelector Selector => new([new PythonLike(), fixture.Track]);

    [Theory]
    [InlineData("csharp", "AsyncBasics.csproj", "BasicAsyncSyntax.cs", "README.md")]
    [InlineData("csharp", "Program.cs")]
    [InlineData("python", "0-basic_async_syntax.py", "README.md")]
    [InlineData("python", "README.md")]
    [InlineData("python", "bin/Debug/leftover.cs", "0-basic_async_syntax.py")]
    public void The_track_is_detected_from_the_folder(string expected, params string[] files)
    {
        Assert.Equal(expected, Selector.Select(null, Folder(files)).Name);
    }

    [Fact]
    public void A_folder_with_both_languages_asks_for_track_in_one_line()
    {
        var error = Assert.Throws<GraderSetupException>(() => Selector.Select(null, Folder("0-basic_async_syntax.py", "BasicAsyncSyntax.cs")));

        Assert.Contains("--track", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_explicit_track_wins_over_detection_and_an_unknown_one_is_a_setup_error()
    {
        Assert.Equal("csharp", Selector.Select("csharp", Folder("0-basic_async_syntax.py")).Name);
        Assert.Throws<GraderSetupException>(() => Selector.Select("rust", Folder("main.rs")));
    }

    private static Submission Folder(params string[] paths) => new(
        "/nowhere/submission",
        paths.ToImmutableSortedDictionary(path => path, path => new SubmissionFile(path, [(byte)'x'], false), StringComparer.Ordinal));

    // Stands in for the CLI's Python track, which lives in Grader.Cli.
    private sealed class PythonLike : ITrack
    {
        public string Name => "python";

        public string DefaultAssignment => "python-async";

        public string Signature => ".py files at the root";

        public bool Recognises(Submission submission) => submission.FilesEndingWith(".py").Any(file => !file.Path.Contains('/', StringComparison.Ordinal));

        public CheckCatalog Catalog() => new([]);

        public Task<GradingResult> GradeAsync(AssignmentSpec assignment, Submission submission, GradingOptions options, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
