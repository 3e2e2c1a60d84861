using System.Collections;
using System.Reflection;
using Grader.Checks.PythonAsync;
using Grader.Core.Assignment;
using Grader.Core.Checks;
using Grader.Core.Engine;
using Grader.Core.Evidence;
using Grader.Core.Processes;
using Grader.Core.Python.Behaviour;
using Grader.Core.Python.Tools;
using Grader.Core.Python.Warm;

namespace Grader.Cli;

/// <summary>The composition root: builds the engine, the catalog and the tool locator from the process's surroundings.</summary>
/// <param name="gradescopeRoot">Where Gradescope mounts the autograder (/autograder); tests point it at a temporary folder.</param>
internal sealed class GraderApp(IProcessRunner runner, IReadOnlyDictionary<string, string?> environment, string baseDirectory, string gradescopeRoot = "/autograder")
    : IAsyncDisposable
{
    public const string DefaultAssignment = "python-async";

    public static GraderApp FromProcess() => Create(
        System.Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value),
        AppContext.BaseDirectory);

    /// <summary>
    /// The app with the real process runner: the grader's Python scripts run forked from warm interpreters, unless
    /// GRADER_FRESH_PROCESSES=1 asks for a fresh process each time (the benchmarks' baseline, and a way around a
    /// system where forking misbehaves).
    /// </summary>
    public static GraderApp Create(IReadOnlyDictionary<string, string?> environment, string baseDirectory, string gradescopeRoot = "/autograder")
    {
        IProcessRunner runner = environment.GetValueOrDefault(FreshProcessesVariable) == "1" ? new ProcessRunner() : new WarmPythonRunner(new ProcessRunner());
        return new(runner, environment, baseDirectory, gradescopeRoot);
    }

    public const string FreshProcessesVariable = "GRADER_FRESH_PROCESSES";

    public IReadOnlyDictionary<string, string?> Environment => environment;

    public IProcessRunner Runner => runner;

    public string GradescopeRoot => gradescopeRoot;

    /// <summary>The folder the grader runs from: the tool package's own files when installed with 'dotnet tool install'.</summary>
    public string BaseDirectory => baseDirectory;

    public static string GraderVersion =>
        typeof(GraderApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public string AssignmentDirectory(string? explicitDirectory) =>
        explicitDirectory ?? Path.Combine(baseDirectory, "checks", DefaultAssignment);

    /// <summary>The student template shipped beside the rules; its code is not counted as similarity.</summary>
    public string TemplateDirectory => Path.Combine(baseDirectory, "checks", DefaultAssignment, "template");

    public AssignmentSpec LoadAssignment(string? explicitDirectory) => AssignmentLoader.Load(AssignmentDirectory(explicitDirectory));

    public CheckCatalog Catalog() => PythonAsyncChecks.Catalog();

    public Task<ToolEnvironment> LocateToolsAsync(AssignmentSpec assignment, GradingOptions options, CancellationToken cancellationToken) =>
        new ToolLocator(runner, environment).LocateAsync(options.Python, Version.Parse(assignment.TargetPython), cancellationToken);

    public GradingEngine Engine() =>
        new(Catalog(), new EvidenceCollector(runner, [new ProbeEvidenceSource(new ProbeRunner(runner), System.Environment.ProcessorCount)]), GraderVersion);

    public async ValueTask DisposeAsync()
    {
        if (runner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
