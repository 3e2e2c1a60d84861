using System.Buffers;
using System.Text;

namespace Grader.CSharp.Checks.Syntax;

/// <summary>Where a file stops being UTF-8: the grader reads C# sources as UTF-8, as dotnet build does first.</summary>
internal static class Utf8Text
{
    /// <summary>The first byte that is not valid UTF-8 and its 1-based line; null when the whole file is UTF-8.</summary>
    public static (byte Value, int Line)? FirstInvalidByte(ReadOnlySpan<byte> content)
    {
        var rest = content;
        while (!rest.IsEmpty)
        {
            // NeedMoreData: the file ends inside a multi-byte sequence, which is no more UTF-8 than a bad byte.
            if (Rune.DecodeFromUtf8(rest, out _, out var consumed) != OperationStatus.Done || consumed == 0)
            {
                var offset = content.Length - rest.Length;
                return (rest[0], content[..offset].Count((byte)'\n') + 1);
            }

            rest = rest[consumed..];
        }

        return null;
    }
}
