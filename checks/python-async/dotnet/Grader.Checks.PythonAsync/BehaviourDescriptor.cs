using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.PythonAsync;

/// <summary>Builds the descriptors of behaviour checks, which share their category and prerequisites.</summary>
internal static class BehaviourDescriptor
{
    // The code must compile, run on Python 3.7, and define the function as asked before its behaviour is judged.
    private static readonly ImmutableArray<string> SameTask = ["PY-SYN-001", "PY-COMPAT-001", "PY-COMPAT-002", "PY-API-001", "PY-API-002", "PY-API-003"];

    public static CheckDescriptor Create(
        string id, int task, string title, string whatItChecks, string whyItMatters, string howToFix, string bad, string good) =>
        new(id, title, Category.Behaviour, CheckScope.Task, whatItChecks, whyItMatters, howToFix, bad, good, SameTask)
        {
            // No prerequisite in the tasks it imports: it runs with the grader's own versions of their functions.
            Tasks = [task],
        };
}
