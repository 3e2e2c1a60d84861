using System.Collections.Immutable;
using Grader.CSharp.Behaviour;
using Grader.CSharp.Tests.Support;

namespace Grader.CSharp.Tests.Behaviour;

[Collection(CSharpGradingCollection.Name)]
public sealed class VirtualTimeRewriterTests(CSharpGradingFixture fixture)
{
    private const string Source = """
        using System.Diagnostics;

        namespace Sample;

        public static class Clocks
        {
            public static async Task<double> Run(int maxDelay)
            {
                var stopwatch = Stopwatch.StartNew();
                var random = new Random();
                var delay = Random.Shared.NextDouble() * maxDelay + random.NextDouble();
                await Task.Delay(TimeSpan.FromSeconds(delay)).ConfigureAwait(false);
                Thread.Sleep(10);
                await Task.Run(() => Environment.TickCount64);
                await Parallel.ForEachAsync(new[] { 1, 2 }, async (item, token) => await Task.Delay(item, token));
                await Parallel.ForAsync(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (index, token) => await Task.Yield());
                _ = DateTime.Now;
                return stopwatch.Elapsed.TotalSeconds;
            }
        }

        """;

    [Fact]
    public void Time_randomness_and_escaping_continuations_go_through_the_harness_and_no_line_moves()
    {
        var rewritten = Rewrite(Source, []);

        Assert.Contains("global::GraderHarness.VirtualStopwatch.StartNew()", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.NewRandom()", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.SharedRandom.NextDouble()", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.Delay(TimeSpan.FromSeconds(delay)).ConfigureAwait(true)", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.Sleep(10)", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.Run(() => global::GraderHarness.GraderRuntime.TickCount64)", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.Now", rewritten, StringComparison.Ordinal);
        Assert.Contains("await global::GraderHarness.GraderRuntime.ForEachAsync(new[] { 1, 2 }, async (item, token) => await global::GraderHarness.GraderRuntime.Delay(item, token));", rewritten, StringComparison.Ordinal);
        Assert.Contains("await global::GraderHarness.GraderRuntime.ForAsync(0, 2, new ParallelOptions", rewritten, StringComparison.Ordinal);
        Assert.Equal(Lines(Source), Lines(rewritten));
    }

    [Fact]
    public void A_spied_method_is_renamed_and_a_recording_wrapper_takes_its_name_on_the_same_line()
    {
        var rewritten = Rewrite(Source, ["Clocks.Run"]);

        Assert.Contains("public static async Task<double> Run__Student(int maxDelay)", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.Spy.Call<global::System.Threading.Tasks.Task<double>>(\"Run\", () => Run__Student(@maxDelay), @maxDelay)", rewritten, StringComparison.Ordinal);
        Assert.Equal(Lines(Source), Lines(rewritten));
    }

    [Fact]
    public void Blocking_waits_on_tasks_go_through_the_harness_and_later_lines_keep_their_numbers()
    {
        const string blocking = """
            namespace Sample;

            public static class Blocking
            {
                public static double Run(Task<double> first, Task second)
                {
                    second.Wait();
                    var value = first
                        .Result;
                    var again = first.GetAwaiter()
                        .GetResult();
                    second.GetAwaiter().GetResult();
                    second.Wait(10);
                    return value + again; // marker
                }
            }

            """;

        var rewritten = Rewrite(blocking, []);

        Assert.Contains("global::GraderHarness.GraderRuntime.Wait(second);", rewritten, StringComparison.Ordinal);
        Assert.Contains("var value = global::GraderHarness.GraderRuntime.ResultOf(first", rewritten, StringComparison.Ordinal);
        Assert.Contains("var again = global::GraderHarness.GraderRuntime.GetResult(first)", rewritten, StringComparison.Ordinal);
        Assert.Contains("global::GraderHarness.GraderRuntime.GetResult(second);", rewritten, StringComparison.Ordinal);
        Assert.Contains("second.Wait(10);", rewritten, StringComparison.Ordinal);
        Assert.Equal(LineOf(blocking, "// marker"), LineOf(rewritten, "// marker"));
        Assert.Equal(Lines(blocking), Lines(rewritten));
    }

    [Fact]
    public void Code_that_does_not_touch_time_is_left_as_it_was()
    {
        const string plain = "namespace Sample;\n\npublic static class Plain\n{\n    public static int Twice(int x) => x * 2;\n}\n";

        Assert.Equal(plain, Rewrite(plain, []));
    }

    private string Rewrite(string source, ImmutableHashSet<string> spied)
    {
        var host = fixture.Track.Host;
        var tree = host.Parse(source, "Sample.cs");
        var model = host.Compile("sample", [tree]).GetSemanticModel(tree);
        return new VirtualTimeRewriter(model, spied).Visit(tree.GetRoot()).ToFullString();
    }

    private static int Lines(string text) => text.Split('\n').Length;

    private static int LineOf(string text, string marker) => Array.FindIndex(text.Split('\n'), line => line.Contains(marker, StringComparison.Ordinal));
}
