using System.Text;
using Grader.CSharp.Checks.Syntax;

namespace Grader.CSharp.Tests.Checks.Syntax;

public sealed class Utf8TextTests
{
    [Fact]
    public void Utf8_text_with_multi_byte_characters_has_no_invalid_byte() =>
        Assert.Null(Utf8Text.FirstInvalidByte(Encoding.UTF8.GetBytes("// é ✓ 😀\nclass A { }\n")));

    [Fact]
    public void A_latin1_byte_is_found_with_its_line()
    {
        byte[] latin1 = [.. Encoding.UTF8.GetBytes("class A\n{\n// caf"), 0xE9, (byte)'\n', (byte)'}'];

        Assert.Equal(((byte)0xE9, 3), Utf8Text.FirstInvalidByte(latin1));
    }

    [Fact]
    public void A_file_that_ends_inside_a_multi_byte_character_is_not_utf8()
    {
        byte[] truncated = [.. Encoding.UTF8.GetBytes("ok\n"), 0xE2, 0x9C];

        Assert.Equal(((byte)0xE2, 2), Utf8Text.FirstInvalidByte(truncated));
    }
}
