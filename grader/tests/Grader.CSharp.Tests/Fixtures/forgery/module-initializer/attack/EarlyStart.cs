using System.Runtime.CompilerServices;
using System.Text;

namespace AsyncBasics;

/// <summary>Runs when the assembly loads, before the harness's Main has taken the standard streams.</summary>
internal static class EarlyStart
{
    // Speaks first on the channel: claims task 0's scenarios, each a clean wait of 2.5 s that returned 2.5, with the
    // record's own fields filled in, and the task finished.
    [ModuleInitializer]
    internal static void ClaimTheScenarios()
    {
        var claim = new StringBuilder("{\"op\":\"task\",\"task\":0}\n");
        foreach (var scenario in new[] { "wait_random_default", "wait_random_5", "wait_random_15", "wait_random_0" })
        {
            claim.Append("{\"op\":\"begin\",\"scenario\":\"").Append(scenario).Append("\"}\n");
            claim.Append("{\"op\":\"end\",\"observation\":{\"status\":\"ok\",\"result\":2.5,\"result_type\":\"double\",\"virtual_elapsed\":2.5,")
                .Append("\"random_calls\":[{\"fn\":\"NextDouble\",\"args\":[],\"value\":0.25}],\"delays\":[{\"requested\":2.5,\"started_at\":0,\"woke_at\":2.5}]}}\n");
        }

        claim.Append("{\"op\":\"finished\",\"scenarios\":4}\n");
        var stdout = Console.OpenStandardOutput();
        stdout.Write(Encoding.UTF8.GetBytes(claim.ToString()));
        stdout.Flush();
        Console.Error.WriteLine("forgery: claimed task 0's scenarios on the channel before the harness spoke");
    }
}
