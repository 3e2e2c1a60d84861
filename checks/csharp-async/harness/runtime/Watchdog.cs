using System.Diagnostics;

namespace GraderHarness;

/// <summary>
/// Ends the harness when one scenario runs too long in real time (a CPU-bound loop, which virtual time cannot
/// interrupt), after writing that scenario's line with status timeout, so the grader learns which call hung.
/// </summary>
internal sealed class Watchdog
{
    private readonly object gate = new();
    private readonly Stopwatch sinceStart = new();
    private string? scenario;
    private string? call;

    public Watchdog(ResultsFile results, TimeSpan budget)
    {
        var thread = new Thread(() => Watch(results, budget)) { IsBackground = true, Name = "watchdog" };
        thread.Start();
    }

    public void Starting(string id, string description)
    {
        lock (gate)
        {
            scenario = id;
            call = description;
            sinceStart.Restart();
        }
    }

    public void Finished()
    {
        lock (gate)
        {
            scenario = null;
        }
    }

    private void Watch(ResultsFile results, TimeSpan budget)
    {
        while (true)
        {
            Thread.Sleep(50);
            lock (gate)
            {
                if (scenario is null || sinceStart.Elapsed < budget)
                {
                    continue;
                }

                var (id, description, seconds) = (scenario, call, sinceStart.Elapsed.TotalSeconds);
                results.Write(json =>
                {
                    json.WriteString("scenario", id);
                    json.WriteString("call", description);
                    json.WriteString("status", "timeout");
                    json.WriteString("reason", $"still running after {seconds:0.0} s of real time (a loop that never awaits)");
                });
                Environment.Exit(3);
            }
        }
    }
}
