using System.Security.Cryptography;

namespace Grader.Core.Reporting;

/// <summary>
/// How to render, beside the result itself: what a format needs that the result model does not hold. Nothing
/// here changes a verdict or a score.
/// </summary>
/// <param name="Color">ANSI colour in the terminal report.</param>
/// <param name="RevealHidden">Show hidden checks in student-facing formats too.</param>
public sealed record ReportOptions(bool Color, bool RevealHidden)
{
    public static ReportOptions Default { get; } = new(false, false);

    /// <summary>
    /// Makes the token that fences student text in GitHub's log (::stop-commands::TOKEN). Random by default, so
    /// a student cannot print the token that ends the fence; tests pass a fixed one.
    /// </summary>
    public Func<string> NewStopToken { get; init; } = RandomStopToken;

    /// <summary>The submission folder relative to the repository root ("" for the root), for annotation paths.</summary>
    public string SourceRoot { get; init; } = string.Empty;

    /// <summary>Wall-clock seconds the grading took, when the caller measured it (the model holds no timings).</summary>
    public double? ElapsedSeconds { get; init; }

    private static string RandomStopToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
