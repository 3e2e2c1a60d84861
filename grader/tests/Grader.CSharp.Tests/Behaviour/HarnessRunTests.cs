using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Grader.Core.Processes;
using Grader.CSharp.Behaviour;

namespace Grader.CSharp.Tests.Behaviour;

public sealed class HarnessRunTests
{
    [Fact]
    public void A_short_crash_message_on_stderr_is_quoted_before_what_stdout_printed()
    {
        // A short stream fits in the capture's head and leaves its tail empty: that must still count as output.
        var run = Run(stdout: "working\nstill working\n", stderr: "Unhandled exception. System.InvalidOperationException: boom\n");

        Assert.Equal("Unhandled exception. System.InvalidOperationException: boom", run.LastOutputLines());
    }

    [Fact]
    public void Without_stderr_the_last_lines_of_stdout_are_quoted()
    {
        var run = Run(stdout: "one\ntwo\nthree\nfour\n", stderr: string.Empty);

        Assert.Equal("two | three | four", run.LastOutputLines());
    }

    private static HarnessRun Run(string stdout, string stderr) => new(
        0,
        ImmutableSortedDictionary<string, JsonElement>.Empty,
        false,
        new ProcessOutcome(134, false, Capture(stdout), Capture(stderr), TimeSpan.FromSeconds(1)));

    private static CapturedOutput Capture(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return CapturedOutput.FromBytes(bytes, [], bytes.Length);
    }
}
