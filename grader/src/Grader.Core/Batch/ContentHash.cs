using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grader.Core.Engine;
using Grader.Core.Submissions;

namespace Grader.Core.Batch;

/// <summary>
/// Identifies what a result was computed from: every file's path, bytes and executable bit, the grader's version
/// and the options that change verdicts. --resume skips a student only when this is unchanged.
/// </summary>
public static class ContentHash
{
    public static string Of(Submission submission, GradingOptions options, string graderVersion)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"grader {graderVersion}; seed {options.Seed}; clock {options.Clock}; track options {string.Join("; ", options.TrackOptions)}; exec-waived {options.WaiveExecutableBit}; sandbox {options.Sandbox.Isolation.Level}; tasks {string.Join(',', options.Tasks)}");
        foreach (var file in submission.Files.Values)
        {
            Append(hash, $"{file.Path}\0{file.IsExecutable}\0{file.Content.Length.ToString(CultureInfo.InvariantCulture)}\0");
            hash.AppendData(file.Content.AsSpan());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
