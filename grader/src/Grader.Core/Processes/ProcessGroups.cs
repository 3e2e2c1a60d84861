using System.Runtime.InteropServices;

namespace Grader.Core.Processes;

/// <summary>Kills a whole process group: a child started in its own session and everything it spawned.</summary>
public static partial class ProcessGroups
{
    private const int SigKill = 9;

    public static void Kill(int processGroupId)
    {
        if (processGroupId > 1 && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            _ = SendSignal(-processGroupId, SigKill);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
