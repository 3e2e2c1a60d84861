using Grader.Core.Results;
using Grader.Core.Tests.Support;
using Grader.Python.Evidence;

namespace Grader.Core.Tests.Python.Style;

/// <summary>
/// The task files' verdicts never depend on the other Python files: those are style-checked in a run of their own,
/// and one larger than the size policy allows is given to no tool, which PY-STYLE-002 says.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class OtherFilesTests(GradingFixture fixture) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("grader-other-files-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_huge_extra_file_is_skipped_by_every_tool_and_the_task_files_keep_full_marks()
    {
        CopyReference();
        // Each line breaks E225: were the file checked, PY-STYLE-002 would fail.
        var lines = (SubmissionPythonFiles.MaxOtherFileBytes / 4) + 1;
        File.WriteAllText(Path.Combine(folder, "huge.py"), string.Concat(Enumerable.Repeat("x=1\n", lines)));

        var result = await fixture.GradeAsync(folder, GradingOptions());

        Assert.All(result.Tasks.SelectMany(task => task.Checks), check => Assert.Equal(CheckStatus.Passed, check.Status));
        var other = Assert.Single(result.Project, check => check.Id == "PY-STYLE-002");
        Assert.Equal(CheckStatus.Passed, other.Status);
        Assert.Contains("Not checked, being larger than 256 KiB: huge.py (0.3 MB)", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_style_fault_in_an_extra_file_fails_only_its_own_check()
    {
        CopyReference();
        File.WriteAllText(Path.Combine(folder, "helper.py"), "x=1\n");

        var result = await fixture.GradeAsync(folder, GradingOptions());

        Assert.Equal(["project:PY-STYLE-002"], GradingFixture.Problems(result));
        var other = Assert.Single(result.Project, check => check.Id == "PY-STYLE-002");
        Assert.StartsWith("helper.py:1:2: E225", other.Message, StringComparison.Ordinal);
    }

    private static Core.Engine.GradingOptions GradingOptions() => Core.Engine.GradingOptions.Default with { Seed = 7 };

    private void CopyReference()
    {
        foreach (var file in Directory.GetFiles(RepositoryPaths.ReferenceSolution))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }
}
