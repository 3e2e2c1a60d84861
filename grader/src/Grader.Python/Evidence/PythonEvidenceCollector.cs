using System.Collections.Immutable;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Submissions;
using Grader.Python.Facts;
using Grader.Python.Tools;

namespace Grader.Python.Evidence;

/// <summary>
/// Runs the external tools for one submission, concurrently: the analysis script and a compile under the
/// assignment's interpreter (when that is a different one) over the task files, pycodestyle over the task files
/// and, in a run of its own, over the other Python files, and any assignment-specific sources. The task files'
/// verdicts never wait on the other files: a huge or hostile helper file can only fail its own check.
/// </summary>
/// <param name="tools">The interpreters and pycodestyle of this run, located once by the track.</param>
public sealed class PythonEvidenceCollector(IProcessRunner runner, ToolEnvironment tools, IReadOnlyList<IPythonEvidenceSource> sources) : IEvidenceCollector
{
    public const string AnalysisScript = "analysis/analyze.py";

    /// <summary>Makes the installed pycodestyle report what 2.5.0 reported (see checks/STYLE-PROFILE.md).</summary>
    public const string StyleProfileScript = "style/pycodestyle25.py";

    public async Task<SubmissionEvidence> CollectAsync(EvidenceRequest request, CancellationToken cancellationToken)
    {
        var files = SubmissionPythonFiles.Of(request.Assignment, request.Submission);
        var script = Path.Combine(request.Assignment.Directory, AnalysisScript);
        var analyzer = new PythonAnalyzer(runner);

        // The behaviour run takes longest: it starts first, and the static tools run beside it.
        var extraTasks = sources.Select(async source => (source.Key, Value: await source.CollectAsync(request, tools, cancellationToken).ConfigureAwait(false))).ToList();
        var analysisTask = tools.Analysis is null
            ? Task.FromResult(ToolRun<AnalysisResponse>.Failed("no Python 3.8+ interpreter was found for the analysis (install python3)"))
            : analyzer.AnalyzeAsync(tools.Analysis, script, PythonAnalyzer.FullMode, files.Tasks, request.Scratch, cancellationToken);
        var compileTask = tools.Target is null || tools.Target == tools.Analysis
            ? Task.FromResult<ToolRun<AnalysisResponse>?>(null)
            : CompileAsync(analyzer, tools.Target, script, files.Tasks, request.Scratch, cancellationToken);
        var invocation = tools.Style(PythonOptions.Of(request.Options).StyleProfile, Path.Combine(request.Assignment.Directory, StyleProfileScript));
        var styleTask = StyleAsync(invocation, files.Tasks, [], request.Scratch, cancellationToken);
        var otherStyleTask = StyleAsync(invocation, files.Others, files.TooLarge, request.Scratch, cancellationToken);

        var analysis = await analysisTask.ConfigureAwait(false);
        var style = await styleTask.ConfigureAwait(false);
        var otherStyle = await otherStyleTask.ConfigureAwait(false);
        var extras = await Task.WhenAll(extraTasks).ConfigureAwait(false);
        var items = extras.ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            .Add(PythonEvidence.Key, new PythonEvidence(tools, analysis, await compileTask.ConfigureAwait(false), style) { OtherFilesStyle = otherStyle });
        return new SubmissionEvidence(items);
    }

    // What a run needs to be reproduced: the seed and clock of the behaviour scenarios, the style profile.
    public ImmutableSortedDictionary<string, string> DescribeSettings(GradingOptions options) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["clock"] = options.Clock == ClockMode.Virtual ? "virtual" : "real",
            ["seed"] = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["style_profile"] = PythonOptions.Of(options).StyleProfile == StyleProfile.Installed ? "installed" : "2.5",
        });

    public ImmutableSortedDictionary<string, string> DescribeTools(SubmissionEvidence evidence)
    {
        var described = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var style = evidence.Python()?.Style;
        described["python"] = tools.DescribeTarget();
        described["analysis_python"] = tools.Analysis?.Display ?? "not found";
        described["pycodestyle"] = style?.Value?.Tool ?? style?.Failure ?? "not run";
        return described.ToImmutable();
    }

    // The runner starts no process for no files: most submissions have no Python file beside the task files.
    private async Task<ToolRun<StyleReport>> StyleAsync(
        StyleInvocation? invocation, IReadOnlyCollection<SubmissionFile> files, IReadOnlyList<string> skipped, ScratchSpace scratch, CancellationToken cancellationToken)
    {
        if (invocation is null)
        {
            return ToolRun<StyleReport>.Failed($"pycodestyle is not installed; {ToolEnvironment.PycodestyleInstallHint}");
        }

        var run = await new PycodestyleRunner(runner).RunAsync(invocation, files, scratch, cancellationToken).ConfigureAwait(false);
        return run.Value is { } report ? ToolRun<StyleReport>.Of(report with { Skipped = [.. skipped] }) : run;
    }

    private static async Task<ToolRun<AnalysisResponse>?> CompileAsync(
        PythonAnalyzer analyzer, PythonInterpreter target, string script, IReadOnlyCollection<SubmissionFile> files, ScratchSpace scratch, CancellationToken cancellationToken) =>
        await analyzer.AnalyzeAsync(target, script, PythonAnalyzer.CompileMode, files, scratch, cancellationToken).ConfigureAwait(false);
}
