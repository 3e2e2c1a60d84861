using System.Globalization;
using System.Text;

namespace Grader.Core.Supervision;

/// <summary>
/// A conversation with no child: a supervisor answers a short scripted run of every scenario of the given tasks,
/// with each kind of request, so that the runtime has compiled the supervisor's code before the first child speaks.
/// Why: a cold supervisor took 140 ms to answer the reference solution's 570 requests, which it answers in 10 ms
/// once warm, and the child waits out every one of them. Started while the grader waits for its tools, the
/// rehearsal runs on a core that would be idle.
/// </summary>
public static class SupervisorRehearsal
{
    /// <param name="draw">The track's random request: its function and its JSON arguments, e.g. ("uniform", "[0, 5]").</param>
    public static async Task<Supervisor> RunAsync(ISupervisionPlan plan, IReadOnlyList<int> tasks, (string Function, string Arguments) draw)
    {
        var supervisor = new Supervisor("{}", tasks, new SupervisionSettings(0, VirtualClock: true, TimeScale: 1, ScenarioDeadline: 600), plan);
        using var fromChild = new MemoryStream(Encoding.UTF8.GetBytes(Script(plan, tasks, draw)));
        using var toChild = new MemoryStream();
        await supervisor.TalkAsync(fromChild, toChild, CancellationToken.None).ConfigureAwait(false);
        return supervisor;
    }

    // Ids are the supervisor's, handed out in order to sleeps, spies and blocking sleeps: the script counts them too.
    private static string Script(ISupervisionPlan plan, IReadOnlyList<int> tasks, (string Function, string Arguments) draw)
    {
        var script = new StringBuilder();
        var id = 0;
        foreach (var task in tasks)
        {
            Line(script, $$"""{"op": "task", "task": {{task}}}""");
            var scenarios = plan.ScenariosOf(task);
            foreach (var scenario in scenarios)
            {
                Line(script, $$"""{"op": "begin", "scenario": "{{scenario}}", "call": "rehearsal"}""");
                Line(script, """{"op": "run_start"}""");
                var spy = id++;
                Line(script, """{"op": "spy_start", "fn": "wait_random", "args": [5], "kwargs": {}}""");
                var sleeps = new List<int>();
                for (var k = 0; k < 2; k++)
                {
                    Line(script, $$"""{"op": "draw", "fn": "{{draw.Function}}", "args": {{draw.Arguments}}, "where": "rehearsal:1"}""");
                    sleeps.Add(id++);
                    Line(script, """{"op": "sleep", "delay": 1.0, "where": "rehearsal:2"}""");
                }

                Line(script, """{"op": "tick"}""");
                Line(script, """{"op": "idle", "timeout": 3.0}""");
                foreach (var sleep in sleeps)
                {
                    Line(script, $$"""{"op": "woke", "id": {{sleep}}}""");
                }

                id++;
                Line(script, """{"op": "block", "seconds": 0.5, "requested": 0.5, "in_running_loop": false, "in_main_thread": true, "file": null, "line": null}""");
                Line(script, $$"""{"op": "spy_end", "id": {{spy}}, "status": "ok", "returned": [1.0, 1.0], "returned_type": "list"}""");
                Line(script, $$$"""{"op": "spy_task_end", "id": {{{spy}}}, "outcome": {"status": "ok"}}""");
                Line(script, """{"op": "run_end", "interrupted": false}""");
                Line(script, """{"op": "cleanup"}""");
                Line(script, """{"op": "end", "observation": {"status": "ok", "result": [1.0, 1.0], "result_type": "list", "exception": null, "tampered": []}}""");
            }

            Line(script, string.Create(CultureInfo.InvariantCulture, $$"""{"op": "finished", "scenarios": {{scenarios.Length}}}"""));
        }

        return script.ToString();
    }

    private static void Line(StringBuilder script, string line) => script.Append(line).Append('\n');
}
