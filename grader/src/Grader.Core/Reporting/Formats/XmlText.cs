using System.Text;
using System.Xml;

namespace Grader.Core.Reporting.Formats;

/// <summary>
/// XML 1.0 cannot hold some characters at all (most control characters), and a student's output may contain
/// them: they become U+FFFD so that the document stays well-formed.
/// </summary>
internal static class XmlText
{
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var cleaned = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            if (index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], text[index]))
            {
                cleaned.Append(text[index]).Append(text[index + 1]);
                index++;
            }
            else
            {
                cleaned.Append(XmlConvert.IsXmlChar(text[index]) ? text[index] : '\uFFFD');
            }
        }

        return cleaned.ToString();
    }
}
