using Grader.Checks.PythonAsync.Probe;
using Grader.Core.Checks;
using Grader.Core.Results;
using Grader.Python.Evidence;

namespace Grader.Checks.PythonAsync.Chain;

/// <summary>
/// PY-API-004: a task imports the earlier task's function instead of keeping a copy of its own. The probe's import
/// scenario tells how the task's module holds the name once the grader's stand-in for the earlier module is in place.
/// </summary>
internal sealed class CopiesAnEarlierFunction : ITaskCheck
{
    public CheckDescriptor Descriptor { get; } = new(
        "PY-API-004",
        "Earlier tasks' functions are imported, not copied",
        Category.Api,
        CheckScope.Task,
        "1-concurrent_coroutines.py and 3-tasks.py import wait_random from 0-basic_async_syntax, 2-measure_runtime.py imports wait_n "
            + "from 1-concurrent_coroutines, 4-tasks.py imports task_wait_random from 3-tasks, instead of defining a copy of their own.",
        "The assignment asks each task to build on the previous one: a copy does not get the fixes of the original, and the grader "
            + "judges each task with its own code and the earlier functions as the assignment defines them.",
        "Delete the copy and import the function: wait_random = __import__('0-basic_async_syntax').wait_random.",
        "async def wait_random(max_delay: int = 10) -> float:  # in 1-concurrent_coroutines.py",
        "wait_random = __import__('0-basic_async_syntax').wait_random",
        ["PY-SYN-001", "PY-COMPAT-001", "PY-COMPAT-002", "PY-API-001"])
    {
        Tasks = [1, 2, 3, 4],
    };

    public CheckOutcome Evaluate(TaskCheckContext context) =>
        ScenarioJudge.Judge(context, "import", (observation, _) =>
        {
            var binding = observation.Array("bindings").FirstOrDefault();
            if (binding.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return CheckOutcome.Error("The probe did not say how the task's module holds the earlier task's function.");
            }

            var file = context.Task.File;
            var name = binding.GetProperty("name").GetString() ?? "?";
            var source = binding.GetProperty("source").GetString() ?? "?";
            return binding.GetProperty("binding").GetString() switch
            {
                "own" => CheckOutcome.Fail(
                    $"{file} defines its own {name} instead of importing it from {source}: delete the copy and write {name} = __import__('{source}').{name}.",
                    CopyLines(context, name)),
                "other" => CheckOutcome.Fail($"{file} sets {name} to something other than the function of {source}: import it with {name} = __import__('{source}').{name}."),
                "imported" => CheckOutcome.Pass($"{file} imports {name} from {source}."),
                _ => CheckOutcome.Pass($"{file} keeps no copy of {name} (the behaviour checks say whether it calls it)."),
            };
        });

    // Where the analysis saw the copy defined, for the report's findings.
    private static System.Collections.Immutable.ImmutableArray<Finding> CopyLines(TaskCheckContext context, string name)
    {
        var file = context.File?.Path;
        var facts = file is null ? null : context.Evidence.Python()?.FactsFor(file, out _);
        return [.. (facts?.Defs ?? []).Where(definition => definition.Depth == 0 && definition.Name == name)
            .Select(definition => new Finding(file, definition.Line, definition.Column, "copy", $"a copy of {name} from an earlier task"))];
    }
}
