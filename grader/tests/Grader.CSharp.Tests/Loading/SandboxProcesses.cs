using System.Text;

namespace Grader.CSharp.Tests.Loading;

/// <summary>The live processes started inside one sandbox, found by the scratch HOME every child of it inherits.</summary>
internal static class SandboxProcesses
{
    public static IReadOnlyList<string> WithHome(string home)
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(path => int.TryParse(Path.GetFileName(path), out _)))
        {
            try
            {
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Split('\0');
                if (environment.Contains("HOME=" + home, StringComparer.Ordinal))
                {
                    var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
                    // A zombie (already dead, not yet reaped) has an empty command line and cannot run anything.
                    if (commandLine.Length > 0)
                    {
                        found.Add($"{Path.GetFileName(folder)}: {commandLine}");
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone between the listing and the read.
            }
        }

        return found;
    }

    /// <summary>Everything seen in the sandbox while <paramref name="work"/> runs, sampled every 100 ms.</summary>
    public static async Task<(T Result, IReadOnlySet<string> Seen)> WatchAsync<T>(string home, Func<Task<T>> work)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var process in WithHome(home))
                {
                    seen.Add(process);
                }

                await Task.Delay(100, CancellationToken.None);
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await watching;
        return (result, seen);
    }

    public static string Describe(IEnumerable<string> processes) => new StringBuilder().AppendJoin('\n', processes).ToString();
}
