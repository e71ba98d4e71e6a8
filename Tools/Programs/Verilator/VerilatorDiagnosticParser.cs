using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Tools.Programs.Verilator;

/// <summary>
/// Parses Verilator's messages: <c>%Warning-WIDTH: a.v:3:15: Operator ...</c> and
/// <c>%Error: a.v:5:1: syntax error ...</c>. Continuation lines (<c>: ... In instance</c>) and the
/// closing "Exiting due to" line are not messages of their own.
/// </summary>
internal static partial class VerilatorDiagnosticParser
{
    public static IReadOnlyList<Diagnostic> Parse(string output, Func<string, string>? mapFile = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var line in output.Split('\n'))
        {
            var match = MessageLine().Match(line);
            if (match.Success)
            {
                var file = match.Groups["file"].Value;
                diagnostics.Add(new Diagnostic(
                    mapFile?.Invoke(file) ?? file,
                    int.Parse(match.Groups["line"].Value),
                    match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value) : 1,
                    match.Groups["kind"].Value == "Error" ? Severity.Error : Severity.Warning,
                    match.Groups["code"].Value,
                    match.Groups["message"].Value.Trim()));
                continue;
            }
            // An error without a location (an unknown top module, a missing file) still is one.
            var bare = BareError().Match(line);
            if (bare.Success && !line.Contains("Exiting due to"))
                diagnostics.Add(new Diagnostic("", 0, 0, Severity.Error, bare.Groups["code"].Value, bare.Groups["message"].Value.Trim()));
        }
        return diagnostics;
    }

    /// <summary>
    /// Whether a message is about Verilator rather than the design: a construct it does not support
    /// (<c>%Error-UNSUPPORTED</c>, or <c>Unsupported: …</c> under another code, as BLKANDNBLK says of
    /// blocking and non-blocking writes to different bits of one vector, which simulators accept) or its own crash.
    /// </summary>
    internal static bool IsToolLimitation(Diagnostic diagnostic) =>
        diagnostic.Code == "UNSUPPORTED" ||
        diagnostic.Message.StartsWith("Unsupported", StringComparison.Ordinal) ||
        diagnostic.Message.StartsWith("Internal Error", StringComparison.Ordinal);

    [GeneratedRegex(@"^%(?<kind>Error|Warning)(-(?<code>[A-Z0-9_]+))?: (?<file>[^:\s][^:]*):(?<line>\d+):((?<col>\d+):)? (?<message>.*)$")]
    private static partial Regex MessageLine();

    [GeneratedRegex(@"^%Error(-(?<code>[A-Z0-9_]+))?: (?<message>.*)$")]
    private static partial Regex BareError();
}
