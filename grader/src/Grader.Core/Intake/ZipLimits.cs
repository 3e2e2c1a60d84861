namespace Grader.Core.Intake;

/// <summary>
/// How much one archive may hold. Bytes are counted as they are decompressed, never taken from the archive's
/// declared sizes, so a zip bomb stops at the limit.
/// </summary>
/// <param name="MaxTotalBytes">All files together, uncompressed.</param>
/// <param name="MaxEntries">Files, folders and skipped entries together.</param>
/// <param name="MaxFileBytes">One file, uncompressed.</param>
public sealed record ZipLimits(long MaxTotalBytes, int MaxEntries, long MaxFileBytes)
{
    private const long MiB = 1024 * 1024;

    /// <summary>One student's submission: far more than five Python files and a README ever need.</summary>
    public static ZipLimits Submission { get; } = new(50 * MiB, 2000, 10 * MiB);

    /// <summary>The outer archive of a whole class (a zip of zips or of folders).</summary>
    public static ZipLimits Batch { get; } = new(2048 * MiB, 100_000, 200 * MiB);

    internal static string Describe(long bytes) =>
        bytes % MiB == 0 ? $"{bytes / MiB} MiB" : $"{bytes} bytes";
}
