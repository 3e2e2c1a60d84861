using System.Security.Cryptography;
using System.Text;

namespace Grader.Core.Batch;

/// <summary>
/// An HMAC-SHA256 over a batch record and the result file it points at, under a key kept outside every
/// submission's working copy, so <c>--resume</c> and the gradebook trust only what this grader wrote: a record or a
/// result edited afterwards (by a student's process, say) no longer verifies and is graded again.
/// </summary>
public sealed class RecordSeal
{
    private const int KeyBytes = 32;

    private readonly byte[] key;

    private RecordSeal(byte[] key) => this.key = key;

    /// <summary>A key for this process only: nothing written under it verifies in another run.</summary>
    public static RecordSeal ForThisRun() => new(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>
    /// The user's key at <paramref name="path"/>, created (readable by its owner only) on first use, so that a batch
    /// resumed by a later run of the grader can verify what an earlier one wrote.
    /// </summary>
    public static RecordSeal FromKeyFile(string path)
    {
        if (File.Exists(path) && File.ReadAllBytes(path) is { Length: KeyBytes } existing)
        {
            return new(existing);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(fresh);
        }

        return new(fresh);
    }

    /// <summary>The default key file: $XDG_DATA_HOME/grader/batch-record.key, else ~/.local/share/grader/batch-record.key.</summary>
    public static string DefaultKeyPath(IReadOnlyDictionary<string, string?> environment) => Path.Combine(
        environment.GetValueOrDefault("XDG_DATA_HOME") is { Length: > 0 } data
            ? data
            : Path.Combine(environment.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"),
        "grader",
        "batch-record.key");

    /// <summary>The seal of a record (its own seal left out) and the exact text of its result file, if any.</summary>
    public string Sign(BatchRecord record, string? resultText)
    {
        var unsealed = System.Text.Json.JsonSerializer.Serialize(record with { Seal = null }, BatchJsonContext.Default.BatchRecord);
        var message = Encoding.UTF8.GetBytes($"{unsealed}\n{resultText ?? string.Empty}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }

    public bool Verifies(BatchRecord record, string? resultText) =>
        record.Seal is { } seal && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(Sign(record, resultText)));
}
