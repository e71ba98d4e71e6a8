using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs;

/// <summary>
/// What HwForge knows about one external tool: its executable, what it is used for, and how to ask
/// its version. Each adapter declares one; <c>hwforge tools</c> lists them from the same data.
/// </summary>
public sealed record ToolDescriptor(
    string Name,
    string Executable,
    string Purpose,
    IReadOnlyList<string> VersionArguments,
    Regex VersionPattern,
    string DebianPackage)
{
    /// <summary>The version from the tool's own words, or its first line when the pattern does not match.</summary>
    public string ParseVersion(string output)
    {
        var match = VersionPattern.Match(output);
        if (match.Success) return match.Groups["version"].Value;
        var firstLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(firstLine) ? "unknown" : firstLine;
    }
}
