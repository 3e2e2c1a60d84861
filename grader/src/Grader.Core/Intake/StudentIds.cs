using System.Globalization;
using System.Text;

namespace Grader.Core.Intake;

/// <summary>
/// Turns entry names into student ids that are safe as file names and CSV cells (letters, digits and - _ . @;
/// anything else becomes '_'), and unique within one batch: a repeated id, compared without regard to case so
/// that results cannot overwrite each other on case-insensitive disks, gets a "-2", "-3"... suffix.
/// </summary>
internal sealed class StudentIds
{
    // Results are written as "<id>.meta.json": the id must leave room for that within a 255-byte file name.
    private const int MaxUtf8Bytes = 200;

    private readonly HashSet<string> taken = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A unique id for <paramref name="name"/>, and a note when it had to be changed to stay unique.</summary>
    public (string Id, string? Note) Allocate(string name)
    {
        var id = Sanitise(name);
        if (taken.Add(id))
        {
            return (id, null);
        }

        var number = 2;
        while (!taken.Add($"{id}-{number}"))
        {
            number++;
        }

        var unique = $"{id}-{number}";
        return (unique, $"'{name}' would share its id with another entry, so its id is '{unique}'");
    }

    public static string Sanitise(string name)
    {
        var id = new StringBuilder();
        var bytes = 0;
        // No Unicode normalisation: the grader runs with invariant globalization, where it is unavailable. Accents
        // that macOS stores decomposed (e + U+0301) are kept as combining marks instead of becoming '_'.
        foreach (var rune in name.EnumerateRunes())
        {
            var kept = Rune.IsLetterOrDigit(rune) || IsMark(rune) || rune.Value is '-' or '_' or '.' or '@' ? rune : new Rune('_');
            if (bytes + kept.Utf8SequenceLength > MaxUtf8Bytes)
            {
                break;
            }

            id.Append(kept.ToString());
            bytes += kept.Utf8SequenceLength;
        }

        // "." and ".." are not file names one can write to; a leading dot would hide the file.
        if (id.Length > 0 && id[0] == '.')
        {
            id[0] = '_';
        }

        return id.Length == 0 ? "_" : id.ToString();
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
