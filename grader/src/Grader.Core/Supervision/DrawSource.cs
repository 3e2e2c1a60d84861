using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Grader.Core.Supervision;

/// <summary>
/// The fractions in [0, 1) one scenario's random functions are built on: the plan's fractions first, then (when the
/// plan spreads them) one fraction in each n-th of [0, 1), the slots shuffled, each in the middle half of its slot,
/// so that no two concurrent delays are closer than 0.5 / n and the completion order is the same on a noisy real
/// clock as on the virtual one; then fractions from a stream seeded by the run's seed and the scenario's id.
/// </summary>
internal sealed class DrawSource
{
    private readonly Queue<double> planned;
    private readonly byte[] key;
    private long counter;

    public DrawSource(int seed, string scenario, ScenarioPlan plan)
    {
        key = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{scenario}"));
        planned = new Queue<double>(plan.Fractions);
        if (plan.Fractions.IsEmpty && plan.Spread > 1)
        {
            foreach (var fraction in Spread(plan.Spread))
            {
                planned.Enqueue(fraction);
            }
        }
    }

    public double Next() => planned.TryDequeue(out var fraction) ? fraction : Stream();

    private List<double> Spread(int count)
    {
        var slots = Enumerable.Range(0, count).ToList();
        for (var index = count - 1; index > 0; index--)
        {
            var other = (int)(Stream() * (index + 1));
            (slots[index], slots[other]) = (slots[other], slots[index]);
        }

        return [.. slots.Select(slot => (slot + 0.25 + (0.5 * Stream())) / count)];
    }

    // 53 bits of HMAC-SHA256(key, counter): a uniform double in [0, 1), the same on every machine and every run.
    private double Stream()
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter++);
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(key, message, hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
