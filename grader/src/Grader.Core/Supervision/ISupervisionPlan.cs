using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Grader.Core.Supervision;

/// <summary>
/// What the supervisor plans for one scenario: the fractions the random functions hand out first, how many of the
/// first draws are spread apart (so that concurrent delays never almost tie), and, for the order proof, how long the
/// sleep of the k-th random value really lasts.
/// </summary>
/// <param name="WakePlan">Null, or the real length of a sleep whose delay is the k-th value drawn (decoupling).</param>
/// <param name="DecoupleScale">
/// Null: a sleep is the k-th draw's when it equals that draw's value (Python's uniform(0, max_delay) gives the delay
/// itself). Otherwise a sleep is the k-th draw's when it equals its fraction times this scale (C#'s NextDouble() gives
/// a fraction the student multiplies), and each draw is matched once.
/// </param>
/// <param name="AtSleeps">
/// True: the wake plan's lengths go to the sleeps themselves, whatever delay they ask for: a sleep begun inside a spied
/// call waits without a length until the child's loop has nothing else to do, and the supervisor then hands the
/// lengths to all the sleeps pending, in an order of finishing that is neither their start order, nor its reverse, nor
/// the order of the delays they asked for (Python's probe asks for them with <c>plan</c>). So the order the calls
/// finish in owes nothing to the values, even when wait_random transforms them or returns something else.
/// </param>
/// <param name="Function">The function the scenario calls with <paramref name="Arguments"/>, named in its call ("wait_n(3, 11)").</param>
/// <param name="Arguments">
/// Null, or for each argument the values it may take: the supervisor picks one of each from the run's seed and hands
/// them to the child when the scenario begins, so a constant in the student's code cannot match them.
/// </param>
/// <param name="SpreadOverCalls">True: the first draws are spread over as many slots as the first argument (n) says,
/// in place of <paramref name="Spread"/>, so the n delays of a call are as far apart as they can be.</param>
public sealed record ScenarioPlan(
    ImmutableArray<double> Fractions,
    int Spread,
    ImmutableArray<double>? WakePlan,
    double? DecoupleScale = null,
    bool AtSleeps = false,
    string? Function = null,
    ImmutableArray<ImmutableArray<int>>? Arguments = null,
    bool SpreadOverCalls = false)
{
    public static readonly ScenarioPlan Seeded = new([], 0, null);
}

/// <summary>
/// One track's scenarios as the supervisor knows them: their order in each task (a child that names another is
/// refused), each one's plan, and the name its observations give the list of sleeps. The child only names the
/// scenario it begins; what it is given is decided here.
/// </summary>
public interface ISupervisionPlan
{
    ImmutableArray<string> ScenariosOf(int task);

    ScenarioPlan For(string scenario);

    /// <summary>The observation's name for the record of sleeps: <c>sleep_calls</c> (Python), <c>delays</c> (C#).</summary>
    string SleepsField { get; }

    /// <summary>
    /// How much earlier than its length a sleep may end on the child's timers: a sleep that claims to end earlier is a
    /// violation. (Python's loop: a microsecond; .NET's Task.Delay truncates to whole milliseconds.)
    /// </summary>
    double WakeResolution { get; }

    /// <summary>
    /// The most a wake-up of the child's loop comes after its timer on the virtual clock, in seconds: a real loop wakes
    /// a little late, so a wait_random that returns the time it measured around its sleep, instead of the delay it
    /// drew, returns another number than the one drawn. 0: wake-ups are exact.
    /// </summary>
    double WakeLatency { get; }

    /// <summary>The type of a number as the track can read it from the JSON number itself, or null where it cannot.</summary>
    string? TypeOfNumber(JsonNode? value);
}
