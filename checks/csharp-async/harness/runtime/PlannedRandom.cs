namespace GraderHarness;

/// <summary>
/// The Random the student's code gets (Random.Shared and every new Random(...)): each draw takes the current
/// scenario's next planned fraction f in [0, 1) and maps it as Random would (NextDouble() = f,
/// Next(a, b) = a + (int)(f * (b - a))), and is recorded.
/// </summary>
internal sealed class PlannedRandom : Random
{
    public override double NextDouble() => Draw(nameof(NextDouble), [], f => f);

    public override float NextSingle() => (float)Draw(nameof(NextSingle), [], f => f);

    public override int Next() => (int)Draw(nameof(Next), [], f => Math.Floor(f * int.MaxValue));

    public override int Next(int maxValue) => (int)Draw(nameof(Next), [maxValue], f => Math.Floor(f * maxValue));

    public override int Next(int minValue, int maxValue) => (int)Draw(nameof(Next), [minValue, maxValue], f => minValue + Math.Floor(f * ((double)maxValue - minValue)));

    public override long NextInt64() => (long)Draw(nameof(NextInt64), [], f => Math.Floor(f * long.MaxValue));

    public override long NextInt64(long maxValue) => (long)Draw(nameof(NextInt64), [maxValue], f => Math.Floor(f * maxValue));

    public override long NextInt64(long minValue, long maxValue) => (long)Draw(nameof(NextInt64), [minValue, maxValue], f => minValue + Math.Floor(f * ((double)maxValue - minValue)));

    protected override double Sample() => Draw(nameof(Sample), [], f => f);

    private static double Draw(string fn, double[] args, Func<double, double> map)
    {
        var fraction = GraderRuntime.Current.NextFraction(fn, args, map);
        return map(fraction);
    }
}
