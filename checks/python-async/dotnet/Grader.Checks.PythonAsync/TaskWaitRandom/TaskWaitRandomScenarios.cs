namespace Grader.Checks.PythonAsync.TaskWaitRandom;

/// <summary>The probe's task_wait_random calls: a short max_delay and a long one, drawn from the run's seed.</summary>
internal static class TaskWaitRandomScenarios
{
    public static readonly IReadOnlyList<string> Ids = ["task_wait_random_short", "task_wait_random_long"];
}
