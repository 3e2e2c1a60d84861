using System.Diagnostics;

namespace GraderHarness;

/// <summary>
/// Ends the harness when one scenario spins too long (a CPU-bound loop, which virtual time cannot interrupt), after
/// ending that scenario with status timeout, so the grader learns which call hung. The budget is CPU time,
/// not real time: on a loaded machine a correct scenario gets little CPU and may take long, but uses almost none;
/// a loop that never awaits uses a core. A scenario that takes three budgets of real time ends all the same, so the
/// line is written before the grader's own time limit kills the process.
/// </summary>
internal sealed class Watchdog
{
    private readonly object gate = new();
    private readonly Stopwatch sinceStart = new();
    private TimeSpan cpuAtStart;
    private string? scenario;

    public Watchdog(Channel channel, TimeSpan budget)
    {
        var thread = new Thread(() => Watch(channel, budget)) { IsBackground = true, Name = "watchdog" };
        thread.Start();
    }

    public void Starting(string id)
    {
        lock (gate)
        {
            scenario = id;
            cpuAtStart = Environment.CpuUsage.TotalTime;
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

    private void Watch(Channel channel, TimeSpan budget)
    {
        while (true)
        {
            Thread.Sleep(50);
            lock (gate)
            {
                var cpu = Environment.CpuUsage.TotalTime - cpuAtStart;
                if (scenario is null || (cpu < budget && sinceStart.Elapsed < 3 * budget))
                {
                    continue;
                }

                var reason = cpu >= budget
                    ? $"still running after {cpu.TotalSeconds:0.0} s of CPU time ({sinceStart.Elapsed.TotalSeconds:0.0} s of real time): a loop that never awaits"
                    : $"still running after {sinceStart.Elapsed.TotalSeconds:0.0} s of real time";
                try
                {
                    channel.Ask("end", json =>
                    {
                        json.WriteStartObject("observation");
                        json.WriteString("status", "timeout");
                        json.WriteString("reason", reason);
                        json.WriteEndObject();
                    });
                }
                catch (ChannelClosedException)
                {
                    // The run is over either way.
                }

                Environment.Exit(3);
            }
        }
    }
}
