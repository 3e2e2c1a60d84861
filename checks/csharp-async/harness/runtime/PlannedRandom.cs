namespace GraderHarness;

/// <summary>
/// The Random the student's code gets (Random.Shared and every new Random(...)): each draw asks the supervisor, which
/// takes the scenario's next planned fraction f in [0, 1), maps it as Random would (NextDouble() = f,
/// Next(a, b) = a + (int)(f * (b - a))) and records it.
/// </summary>
internal sealed class PlannedRandom : Random
{
    public override double NextDouble() => Draw(nameof(NextDouble), []);

    public override float NextSingle() => (float)Draw(nameof(NextSingle), []);

    public override int Next() => (int)Draw(nameof(Next), []);

    public override int Next(int maxValue) => (int)Draw(nameof(Next), [maxValue]);

    public override int Next(int minValue, int maxValue) => (int)Draw(nameof(Next), [minValue, maxValue]);

    public override long NextInt64() => (long)Draw(nameof(NextInt64), []);

    public override long NextInt64(long maxValue) => (long)Draw(nameof(NextInt64), [maxValue]);

    public override long NextInt64(long minValue, long maxValue) => (long)Draw(nameof(NextInt64), [minValue, maxValue]);

    protected override double Sample() => Draw(nameof(Sample), []);

    private static double Draw(string fn, double[] args) => GraderRuntime.Current.Draw(fn, args);
}
