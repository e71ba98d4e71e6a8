using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HwForge.Agents.Design;

/// <summary>The YAML of spec and jobs files, read the way people paste it.</summary>
internal static partial class YamlText
{
    /// <summary>
    /// Parses <paramref name="text"/>, first emptying lines that hold only spaces or tabs. A prompt pasted into a
    /// literal block (<c>request: |</c>) often starts with such a line, and YamlDotNet refuses a block whose first
    /// line has spaces ("found extra spaces in first line") where YAML reads an empty line. Emptying such lines moves no
    /// line or column of anything else; all it can change is spaces a block kept from a blank line, which nothing
    /// in these files means anything by.
    /// </summary>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(BlankLine().Replace(text, "")));
        return stream;
    }

    [GeneratedRegex(@"^[ \t]+(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex BlankLine();
}
