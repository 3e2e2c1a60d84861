namespace Grader.Core.Similarity;

/// <summary>
/// FNV-1a (64 bit) over the texts of a run of tokens. string.GetHashCode is randomised per process, and
/// fingerprints must compare across runs and machines.
/// </summary>
internal static class TokenHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // U+FFFF is a noncharacter, so no token text holds it: "ab","c" and "a","bc" hash apart.
    private const char Separator = '\uFFFF';

    public static ulong Of(IReadOnlyList<SourceToken> tokens, int start, int count)
    {
        var hash = OffsetBasis;
        for (var index = start; index < start + count; index++)
        {
            foreach (var character in tokens[index].Text)
            {
                hash = Add(hash, character);
            }

            hash = Add(hash, Separator);
        }

        return hash;
    }

    private static ulong Add(ulong hash, char character)
    {
        hash = (hash ^ (byte)character) * Prime;
        return (hash ^ (byte)(character >> 8)) * Prime;
    }
}
