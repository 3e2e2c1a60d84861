namespace Grader.Core.IO;

/// <summary>
/// Writes a file next to its final place, then moves it there, so that a reader (or a rerun after a kill) sees
/// the old content or the new, never half of it. The temporary file never outlives a failed write.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryName(path);
        try
        {
            await File.WriteAllTextAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static void WriteAllText(string path, string content)
    {
        var temporary = TemporaryName(path);
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string TemporaryName(string path) => $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
}
