using Grader.Core.Assignment;
using Grader.Python.Facts;

namespace Grader.Python.Checks.Api;

// Finds the module-level definitions the assignment requires, for the three api checks.
internal static class RequiredFunctions
{
    public static Definition? Find(FileFacts facts, FunctionSpec required) =>
        facts.Defs.FirstOrDefault(definition => definition.Depth == 0 && !definition.IsClass && definition.Name == required.Name);

    public static IEnumerable<(FunctionSpec Required, Definition Found)> Present(FileFacts facts, TaskSpec task) =>
        task.Functions
            .Select(required => (Required: required, Found: Find(facts, required)))
            .Where(pair => pair.Found is not null)
            .Select(pair => (pair.Required, pair.Found!));
}
