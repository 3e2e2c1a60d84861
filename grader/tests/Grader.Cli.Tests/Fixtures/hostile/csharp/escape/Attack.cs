using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace AsyncBasics;

/// <summary>Tries, before any of the student's methods runs, to read and write outside the copy, reach the network and leave a process behind.</summary>
internal static class Attack
{
    /// <summary>Gets a value indicating whether any attempt succeeded, so that WaitRandom goes wrong.</summary>
    public static bool Escaped { get; private set; }

    /// <summary>Runs every attempt once, when the assembly loads.</summary>
    [ModuleInitializer]
    internal static void Run()
    {
        foreach (var folder in Directory.Exists("/tmp") ? Directory.GetDirectories("/tmp", "grader-canary-*") : [])
        {
            Escaped |= Try(() => File.ReadAllText(Path.Combine(folder, "secret.txt")).Length > 0);
            Escaped |= Try(() =>
            {
                File.WriteAllText(Path.Combine(folder, "written.txt"), "escaped");
                return true;
            });
        }

        Escaped |= Try(() =>
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", 47613).Wait(1000);
        });
        Try(() => Process.Start("setsid", ["-f", "sleep", "7.25"]) is not null);
    }

    private static bool Try(Func<bool> attempt)
    {
        try
        {
            return attempt();
        }
        catch (Exception)
        {
            return false;
        }
    }
}
