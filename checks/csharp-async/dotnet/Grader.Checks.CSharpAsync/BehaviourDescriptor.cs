using System.Collections.Immutable;
using Grader.Core.Checks;
using Grader.Core.Results;

namespace Grader.Checks.CSharpAsync;

/// <summary>Builds the descriptors of behaviour checks, which share their category and prerequisites.</summary>
internal static class BehaviourDescriptor
{
    // The file must compile and declare the method as asked before its behaviour is judged.
    private static readonly ImmutableArray<string> SameTask = ["CS-SYN-001", "CS-API-001", "CS-API-002", "CS-API-003"];

    // A task that calls another's method cannot run unless that file compiles and declares it.
    private static readonly ImmutableArray<string> Dependencies = ["CS-SYN-001", "CS-API-001", "CS-API-003"];

    public static CheckDescriptor Create(
        string id, int task, string title, string whatItChecks, string whyItMatters, string howToFix, string bad, string good) =>
        new(id, title, Category.Behaviour, CheckScope.Task, whatItChecks, whyItMatters, howToFix, bad, good, SameTask)
        {
            Tasks = [task],
            DependencyPrerequisites = Dependencies,
        };
}
