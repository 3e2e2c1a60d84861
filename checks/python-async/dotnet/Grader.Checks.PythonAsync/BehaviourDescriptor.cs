using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync;

/// <summary>Builds the descriptors of behaviour checks, which share their category and prerequisites.</summary>
internal static class BehaviourDescriptor
{
    // The code must compile, run on Python 3.7, and define the function as asked before its behaviour is judged.
    private static readonly ImmutableArray<string> SameTask = ["PY-SYN-001", "PY-COMPAT-001", "PY-COMPAT-002", "PY-API-001", "PY-API-002", "PY-API-003"];

    // A task that imports another cannot run unless that module can be imported and defines its function.
    private static readonly ImmutableArray<string> Dependencies = ["PY-SYN-001", "PY-COMPAT-001", "PY-COMPAT-002", "PY-API-001"];

    public static CheckDescriptor Create(
        string id, int task, string title, string whatItChecks, string whyItMatters, string howToFix, string bad, string good) =>
        new(id, title, Category.Behaviour, CheckScope.Task, whatItChecks, whyItMatters, howToFix, bad, good, SameTask)
        {
            Tasks = [task],
            DependencyPrerequisites = Dependencies,
        };
}
