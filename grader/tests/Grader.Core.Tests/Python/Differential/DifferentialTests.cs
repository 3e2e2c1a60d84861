using System.Diagnostics;
using Grader.Core.Evidence;
using Grader.Core.Tests.Support;
using Xunit.Abstractions;

namespace Grader.Core.Tests.Python.Differential;

/// <summary>
/// Differential fidelity (issue 16 part 5): the probe's virtual loop must behave as asyncio's own loop does, or a
/// verdict rests on something real code never does. A corpus of submissions written the ways students write them
/// (Fixtures/differential/corpus.py) runs through the probe with the real supervisor, then again on real asyncio
/// with real, scaled sleeps (replay.py, fed the values and sleep lengths the supervisor handed out), under Python
/// 3.7 and 3.11; what each call returned at the moment it returned, which spied calls ran and the order they
/// finished must be the same. CI runs a sample; GRADER_DIFFERENTIAL=all runs the whole corpus (or words: the variants
/// whose ids hold one), GRADER_DIFFERENTIAL_REPORT names a file for the table, GRADER_DIFFERENTIAL_KEEP a folder for
/// each run's observations and real answer.
/// </summary>
[Collection(GradingCollection.Name)]
public sealed class DifferentialTests(GradingFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_virtual_loop_agrees_with_real_asyncio_on_the_corpus()
    {
        var stopwatch = Stopwatch.StartNew();
        var interpreters = DifferentialInterpreters.Find(fixture.Tools.Target, fixture.Environment);
        Assert.True(interpreters.Found.Length > 0, "no Python 3.7 or 3.11 to run the differential corpus with");

        using var scratch = ScratchSpace.Create();
        var home = scratch.NewFolder("home");
        var corpus = await DifferentialCorpus.GenerateAsync(fixture.DirectRunner, interpreters.Found[0], scratch.NewFolder("corpus"), home);
        var selection = Environment.GetEnvironmentVariable("GRADER_DIFFERENTIAL");
        var variants = corpus.Select(selection);
        Assert.NotEmpty(variants);

        var replay = new RealAsyncioReplay(fixture.DirectRunner, Path.Combine(fixture.Assignment.Directory, "probe"), home);
        using var checker = new VariantChecker(fixture, replay, interpreters.Found, scratch);
        var parallel = int.TryParse(Environment.GetEnvironmentVariable("GRADER_DIFFERENTIAL_PARALLEL"), out var given) && given > 0 ? given : 3;
        using var slots = new SemaphoreSlim(parallel);
        var outcomes = await Task.WhenAll(variants.Select(async variant =>
        {
            await slots.WaitAsync();
            try
            {
                return await checker.CheckAsync(variant);
            }
            finally
            {
                slots.Release();
            }
        }));

        var report = DifferentialReport.Render(corpus.Count, outcomes, interpreters, selection, stopwatch.Elapsed);
        foreach (var line in report.Split('\n'))
        {
            output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("GRADER_DIFFERENTIAL_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, report);
        }

        var disagreements = outcomes.Sum(outcome => outcome.Disagreements.Length);
        Assert.True(disagreements == 0, $"{disagreements} disagreements between the virtual loop and real asyncio (see the test output)");
    }
}
