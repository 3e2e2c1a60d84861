namespace Grader.Core.Intake;

/// <summary>
/// Turns a zip entry's name into a safe relative path, or says why it is refused. Only plain relative names are
/// accepted: no absolute path, no drive letter, no '..' segment, no control character.
/// </summary>
internal static class ZipEntryPath
{
    /// <summary>Finder metadata that macOS adds to every zip it makes; never part of a submission.</summary>
    public const string MacMetadataFolder = "__MACOSX";

    /// <returns>The '/'-separated relative path ("" for the archive's root), or null with <paramref name="reason"/> set.</returns>
    public static string? Resolve(string entryName, out string? reason)
    {
        reason = null;
        var name = entryName.Replace('\\', '/');
        if (name.Any(c => char.IsControl(c)))
        {
            reason = "its name holds a control character";
            return null;
        }

        if (name.StartsWith('/'))
        {
            reason = "it has an absolute path";
            return null;
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            reason = "its path starts with a drive letter";
            return null;
        }

        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToArray();
        if (segments.Contains(".."))
        {
            reason = "its path leaves the extraction folder ('..')";
            return null;
        }

        return string.Join('/', segments);
    }

    /// <summary>The absolute path of <paramref name="relative"/> under <paramref name="root"/>, or null if it would land outside.</summary>
    public static string? Under(string root, string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
