using Grader.Core.Evidence;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;
using Grader.Python;
using Grader.Python.Tools;

namespace Grader.Core.Tests.Python;

/// <summary>pycodestyle run as its module file (the form the warm interpreters take) reports what the command reports.</summary>
[Collection(GradingCollection.Name)]
public sealed class PycodestyleModuleTests(GradingFixture fixture)
{
    [Fact]
    public async Task The_module_and_the_command_give_the_same_findings()
    {
        var tool = fixture.Tools.Pycodestyle!;
        Assert.NotNull(tool.Module); // Debian's pycodestyle is an entry-point script with a python shebang.
        var files = SubmissionLoader.Load(Path.Combine(RepositoryPaths.Gallery, "pycodestyle-violation")).PythonFiles().ToList();
        using var scratch = ScratchSpace.Create();

        var asModule = await new PycodestyleRunner(fixture.Runner).RunAsync(tool, files, scratch, CancellationToken.None);
        var asCommand = await new PycodestyleRunner(fixture.DirectRunner).RunAsync(tool with { Module = null }, files, scratch, CancellationToken.None);

        Assert.NotEmpty(asCommand.Value!.Findings);
        Assert.Equal(asCommand.Value.Findings.AsEnumerable(), asModule.Value!.Findings.AsEnumerable());
        Assert.Equal(asCommand.Value.Tool, asModule.Value.Tool);
    }
}
