using System.Text;
using Grader.Core.Results;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Checks.Syntax;

/// <summary>CS-SYN-001 on files that are not UTF-8: the reason comes before the compiler's flood of errors.</summary>
[Collection(CSharpGradingCollection.Name)]
public sealed class CompilerErrorsTests(CSharpGradingFixture fixture) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("grader-encoding-").FullName;

    [Fact]
    public async Task A_file_that_is_not_utf8_text_is_named_as_such_before_the_compiler_errors()
    {
        var tasks = File.ReadAllBytes(Path.Combine(Copy(), "Tasks.cs"));
        // Two lines of the file, then bytes that no UTF-8 text holds (a UTF-16 byte order mark, as a Windows editor may save).
        var cut = Encoding.UTF8.GetString(tasks).IndexOf("\n\n", StringComparison.Ordinal) + 1;
        File.WriteAllBytes(Path.Combine(folder, "Tasks.cs"), [.. tasks[..cut], 0xFF, 0xFE, (byte)'x', 0x00, (byte)'\n']);

        var result = await fixture.GradeAsync(folder);

        var compiles = Check(result, 3, "CS-SYN-001");
        Assert.Equal(CheckStatus.Failed, compiles.Status);
        Assert.StartsWith("Tasks.cs is not UTF-8 text (byte 0xFF on line 2 is not valid UTF-8): save it as UTF-8 C# source. Tasks.cs:2:", compiles.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compiler_error_in_a_utf8_file_gets_no_encoding_hint()
    {
        var path = Path.Combine(Copy(), "Tasks.cs");
        File.WriteAllText(path, File.ReadAllText(path).Replace("return BasicAsyncSyntax.WaitRandom(maxDelay);", "return BasicAsyncSyntax.WaitRandom(maxDelay) // é", StringComparison.Ordinal));

        var result = await fixture.GradeAsync(folder);

        var compiles = Check(result, 3, "CS-SYN-001");
        Assert.Equal(CheckStatus.Failed, compiles.Status);
        Assert.StartsWith("Tasks.cs:", compiles.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static CheckResult Check(GradingResult result, int task, string id) =>
        result.Tasks.Single(graded => graded.Task == task).Checks.Single(check => check.Id == id);

    private string Copy()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.ReferenceSolution))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
