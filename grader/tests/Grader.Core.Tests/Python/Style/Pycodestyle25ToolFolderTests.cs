using System.IO.Compression;
using System.Text;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Python.Tools;
using Grader.Core.Submissions;
using Grader.Core.Tests.Support;

namespace Grader.Core.Tests.Python.Style;

/// <summary>
/// The grader installs pycodestyle 2.5.0 into its tool folder with Python 3.7's pip and then runs that one; here pip
/// reads a local folder (PIP_FIND_LINKS, PIP_NO_INDEX) holding a fake 2.5.0 wheel made by the test, so no network is
/// needed. Without any index the failure is remembered, and pip is not started again.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class Pycodestyle25ToolFolderTests(GradingFixture fixture) : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("grader-toolfolder-").FullName;

    [Fact]
    public async Task A_reachable_index_gives_a_tool_folder_pycodestyle_that_the_style_run_uses()
    {
        var wheels = Directory.CreateDirectory(Path.Combine(root, "wheels")).FullName;
        WriteFakeWheel(wheels);
        var folder = new Pycodestyle25ToolFolder(fixture.DirectRunner, Environment(wheels), TimeProvider.System);

        var install = await folder.LocateAsync(fixture.Tools.Target, CancellationToken.None);

        Assert.NotNull(install);
        Assert.Equal(Path.Combine(root, "cache", "grader", "tools", "pycodestyle-2.5.0", "pycodestyle.py"), install.Module);
        var tools = fixture.Tools with { Pycodestyle25 = install };
        var invocation = tools.Style(StyleProfile.Pycodestyle25, "unused.py")!;
        Assert.Equal($"pycodestyle 2.5.0 (grader tool folder, Python {fixture.Tools.Target!.Version.ToString(3)})", invocation.Tool);
        using var scratch = ScratchSpace.Create();
        var file = new SubmissionFile("a.py", [.. "x = 1\n"u8.ToArray()], false);
        var run = await new PycodestyleRunner(fixture.Runner).RunAsync(invocation, [file], scratch, CancellationToken.None);
        Assert.Equal(invocation.Tool, run.Value!.Tool);
        Assert.Equal("E999 fake 2.5.0", Assert.Single(run.Value.Findings).Code + " " + run.Value.Findings[0].Text);
    }

    [Fact]
    public async Task Without_an_index_the_failure_is_remembered_and_pip_is_not_started_again()
    {
        var empty = Directory.CreateDirectory(Path.Combine(root, "no-wheels")).FullName;
        var counting = new CountingRunner(fixture.DirectRunner);
        var folder = new Pycodestyle25ToolFolder(counting, Environment(empty), TimeProvider.System);

        Assert.Null(await folder.LocateAsync(fixture.Tools.Target, CancellationToken.None));
        Assert.Null(await folder.LocateAsync(fixture.Tools.Target, CancellationToken.None));

        Assert.Equal(1, counting.Runs);
        Assert.True(File.Exists(folder.Folder + ".failed"));
        Assert.False(Directory.Exists(folder.Folder));
    }

    [Fact]
    public async Task Python_3_8_or_newer_never_gets_pycodestyle_2_5_0()
    {
        var counting = new CountingRunner(fixture.DirectRunner);
        var folder = new Pycodestyle25ToolFolder(counting, Environment(root), TimeProvider.System);

        Assert.Null(await folder.LocateAsync(new PythonInterpreter("/usr/bin/python3", new Version(3, 12, 1), "test"), CancellationToken.None));
        Assert.Equal(0, counting.Runs);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private Dictionary<string, string?> Environment(string findLinks) => new()
    {
        ["HOME"] = root,
        ["XDG_CACHE_HOME"] = Path.Combine(root, "cache"),
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["PIP_NO_INDEX"] = "1",
        ["PIP_FIND_LINKS"] = findLinks,
    };

    // The smallest wheel pip accepts: the module, and dist-info with METADATA, WHEEL and RECORD.
    private static void WriteFakeWheel(string folder)
    {
        const string DistInfo = "pycodestyle-2.5.0.dist-info";
        using var zip = ZipFile.Open(Path.Combine(folder, "pycodestyle-2.5.0-py2.py3-none-any.whl"), ZipArchiveMode.Create);
        Add(zip, "pycodestyle.py", "import sys\nfor name in sys.argv[1:]:\n    if not name.startswith('-'):\n        print(name + '|1|1|E999|fake 2.5.0')\n");
        Add(zip, $"{DistInfo}/METADATA", "Metadata-Version: 2.1\nName: pycodestyle\nVersion: 2.5.0\n");
        Add(zip, $"{DistInfo}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n");
        Add(zip, $"{DistInfo}/RECORD", $"pycodestyle.py,,\n{DistInfo}/METADATA,,\n{DistInfo}/WHEEL,,\n{DistInfo}/RECORD,,\n");
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private sealed class CountingRunner(IProcessRunner inner) : IProcessRunner
    {
        public int Runs { get; private set; }

        public Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            Runs++;
            return inner.RunAsync(request, cancellationToken);
        }
    }
}
