using System.Collections.Concurrent;
using Grader.Core.Processes;
using Grader.Core.Provisioning;

namespace Grader.Core.Tests.Provisioning;

public sealed class SystemToolProvisionerTests : IDisposable
{
    private static readonly SystemTool Tool = new("fakelint", "fake-lint", "the fake checks");

    private readonly string bin = Directory.CreateTempSubdirectory("grader-provision-").FullName;

    public void Dispose() => Directory.Delete(bin, recursive: true);

    [Fact]
    public async Task A_tool_on_path_is_present_and_nothing_runs_or_is_said()
    {
        File.WriteAllText(Path.Combine(bin, "fakelint"), string.Empty);
        var apt = new FakeAptGet(bin, lists: true);
        using var notices = new StringWriter();

        var outcome = await Provisioner(apt, isRoot: true, notices).EnsureAsync(Tool, CancellationToken.None);

        Assert.Equal(ProvisionStatus.Present, outcome.Status);
        Assert.Null(outcome.Line);
        Assert.Empty(apt.Calls);
        Assert.Equal(string.Empty, notices.ToString());
    }

    [Fact]
    public async Task On_a_fresh_machine_root_installs_after_reading_the_package_lists_and_says_so_in_one_line()
    {
        var apt = new FakeAptGet(bin, lists: false);
        using var notices = new StringWriter();

        var outcome = await Provisioner(apt, isRoot: true, notices).EnsureAsync(Tool, CancellationToken.None);

        Assert.Equal(ProvisionStatus.Installed, outcome.Status);
        Assert.Equal(["install -y -q fake-lint", "update -q", "install -y -q fake-lint"], apt.Calls);
        var said = notices.ToString().TrimEnd('\n');
        Assert.DoesNotContain('\n', said);
        Assert.Contains("installing fake-lint with apt-get", said, StringComparison.Ordinal);
        Assert.Contains("the fake checks", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_root_one_line_names_the_exact_command_and_nothing_runs()
    {
        var apt = new FakeAptGet(bin, lists: true);

        var outcome = await Provisioner(apt, isRoot: false, TextWriter.Null).EnsureAsync(Tool, CancellationToken.None);

        Assert.Equal(ProvisionStatus.Missing, outcome.Status);
        Assert.Equal("grader: fakelint is missing (the fake checks): run `sudo apt-get install -y fake-lint`", outcome.Line);
        Assert.Empty(apt.Calls);
    }

    [Fact]
    public async Task Without_apt_get_or_when_forbidden_the_line_says_why_and_what_to_run()
    {
        var apt = new FakeAptGet(bin, lists: true);
        File.Delete(Path.Combine(bin, "apt-get"));
        var noApt = await Provisioner(apt, isRoot: true, TextWriter.Null).EnsureAsync(Tool, CancellationToken.None);
        File.WriteAllText(Path.Combine(bin, "apt-get"), string.Empty);
        var forbidden = await new SystemToolProvisioner(apt, Settings(isRoot: true) with { MayInstall = false }, TextWriter.Null).EnsureAsync(Tool, CancellationToken.None);

        Assert.Contains("has no apt-get", noApt.Line, StringComparison.Ordinal);
        Assert.Contains("GRADER_NO_INSTALL=1", forbidden.Line, StringComparison.Ordinal);
        Assert.Contains("`sudo apt-get install -y fake-lint`", forbidden.Line, StringComparison.Ordinal);
        Assert.Empty(apt.Calls);
    }

    [Fact]
    public async Task A_failed_install_quotes_apt_gets_error_and_the_command_to_run()
    {
        var apt = new FakeAptGet(bin, lists: true) { Broken = true };

        var outcome = await Provisioner(apt, isRoot: true, TextWriter.Null).EnsureAsync(Tool, CancellationToken.None);

        Assert.Equal(ProvisionStatus.Missing, outcome.Status);
        Assert.Contains("E: Unable to locate package fake-lint", outcome.Line, StringComparison.Ordinal);
        Assert.EndsWith("run `sudo apt-get install -y fake-lint`", outcome.Line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Processes_installing_at_once_install_once()
    {
        var apt = new FakeAptGet(bin, lists: true);
        var provisioner = Provisioner(apt, isRoot: true, TextWriter.Null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => provisioner.EnsureAsync(Tool, CancellationToken.None))));

        Assert.Single(outcomes, outcome => outcome.Status == ProvisionStatus.Installed);
        Assert.Equal(3, outcomes.Count(outcome => outcome.Status == ProvisionStatus.Present));
        Assert.Single(apt.Calls);
    }

    private SystemToolProvisioner Provisioner(FakeAptGet apt, bool isRoot, TextWriter notices) => new(apt, Settings(isRoot), notices);

    private ProvisionerSettings Settings(bool isRoot) => new(bin, MayInstall: true, isRoot, Path.Combine(bin, "install.lock"));

    /// <summary>apt-get as seen through the process runner: installing creates the tool's command in the PATH folder.</summary>
    private sealed class FakeAptGet : IProcessRunner
    {
        private readonly string bin;
        private readonly ConcurrentQueue<string> calls = new();
        private bool lists;

        public FakeAptGet(string bin, bool lists)
        {
            this.bin = bin;
            this.lists = lists;
            File.WriteAllText(Path.Combine(bin, "apt-get"), string.Empty);
        }

        public bool Broken { get; init; }

        public IReadOnlyList<string> Calls => [.. calls];

        public async Task<ProcessOutcome> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
        {
            calls.Enqueue(string.Join(' ', request.Arguments));
            await Task.Delay(50, cancellationToken);
            if (request.Arguments[0] == "update")
            {
                lists = true;
                return Exit(0, string.Empty);
            }

            if (!lists || Broken)
            {
                return Exit(100, "Reading package lists...\nE: Unable to locate package fake-lint\n");
            }

            File.WriteAllText(Path.Combine(bin, "fakelint"), string.Empty);
            return Exit(0, string.Empty);
        }

        private static ProcessOutcome Exit(int code, string error) =>
            new(code, false, CapturedOutput.Empty, new CapturedOutput(error, string.Empty, error.Length, 0), TimeSpan.Zero);
    }
}
