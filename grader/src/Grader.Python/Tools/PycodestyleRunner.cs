using System.Collections.Immutable;
using System.Globalization;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Submissions;
using Grader.Python.Evidence;

namespace Grader.Python.Tools;

/// <summary>
/// Runs the real pycodestyle over a private copy of the submission's Python files, with the default options
/// stated explicitly so no configuration file of the student's can change the verdict.
/// </summary>
public sealed class PycodestyleRunner(IProcessRunner runner)
{
    // pycodestyle's own defaults, written out: a setup.cfg or tox.ini cannot override command-line options.
    private static readonly ImmutableArray<string> Options =
    [
        "--format=%(path)s|%(row)d|%(col)d|%(code)s|%(text)s",
        "--max-line-length=79",
        "--ignore=E121,E123,E126,E226,E24,E704,W503,W504",
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The installed pycodestyle's own verdict.</summary>
    public Task<ToolRun<StyleReport>> RunAsync(
        PycodestyleTool tool, IReadOnlyCollection<SubmissionFile> files, ScratchSpace scratch, CancellationToken cancellationToken) =>
        RunAsync(StyleInvocation.Installed(tool), files, scratch, cancellationToken);

    public async Task<ToolRun<StyleReport>> RunAsync(
        StyleInvocation invocation,
        IReadOnlyCollection<SubmissionFile> files,
        ScratchSpace scratch,
        CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return ToolRun<StyleReport>.Of(new StyleReport(invocation.Tool, []));
        }

        var folder = scratch.NewFolder("style");
        foreach (var file in files)
        {
            var target = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, NoqaNeutraliser.Neutralise(file.Content.AsSpan()), cancellationToken).ConfigureAwait(false);
        }

        ImmutableArray<string> arguments = [.. Options, .. files.Select(file => file.Path)];
        var request = new ProcessRequest(
            invocation.FileName,
            [.. invocation.Arguments, .. arguments],
            folder,
            PythonChildEnvironment.For(scratch.Home, null),
            null,
            Timeout,
            MaxCapturedBytes: 16 * 1024 * 1024,
            RunsNoSubmissionCode: true);
        var outcome = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.StartError is not null || outcome.TimedOut || outcome.ExitCode is not (0 or 1))
        {
            var reason = outcome.StartError ?? (outcome.TimedOut ? "it timed out" : $"exit code {outcome.ExitCode}: {outcome.StandardError.Text.Trim()}");
            return ToolRun<StyleReport>.Failed($"pycodestyle could not run ({reason})");
        }

        return ToolRun<StyleReport>.Of(new StyleReport(invocation.Tool, Parse(outcome.StandardOutput.Text)));
    }

    private static ImmutableArray<StyleFinding> Parse(string output) =>
    [
        .. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 5))
            .Where(parts => parts.Length == 5)
            .Select(parts => new StyleFinding(
                parts[0].StartsWith("./", StringComparison.Ordinal) ? parts[0][2..] : parts[0],
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                parts[3],
                parts[4].TrimEnd('\r'))),
    ];
}
