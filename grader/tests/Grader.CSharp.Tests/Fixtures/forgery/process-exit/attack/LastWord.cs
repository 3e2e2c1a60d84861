using System.Runtime.CompilerServices;
using System.Text;

namespace AsyncBasics;

/// <summary>Speaks on the channel as the process exits, after the harness's last line.</summary>
internal static class LastWord
{
    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.ProcessExit += (_, _) => ClaimAtExit();

    // A scenario of task 0 again, this time a clean wait of 2.5 s, and the task finished once more, in the hope that
    // the last word counts.
    private static void ClaimAtExit()
    {
        const string Claim = "{\"op\":\"task\",\"task\":0}\n{\"op\":\"begin\",\"scenario\":\"wait_random_5\"}\n"
            + "{\"op\":\"end\",\"observation\":{\"status\":\"ok\",\"result\":2.5,\"result_type\":\"double\",\"virtual_elapsed\":2.5,"
            + "\"delays\":[{\"requested\":2.5,\"started_at\":0,\"woke_at\":2.5}]}}\n{\"op\":\"finished\",\"scenarios\":4}\n";
        Console.Error.WriteLine("forgery: claimed a clean wait on the channel as the process exited");
        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(Claim));
        stdout.Flush();
    }
}
