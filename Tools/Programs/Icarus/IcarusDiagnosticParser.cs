using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Tools.Programs.Icarus;

/// <summary>
/// Parses iverilog's messages, which have no column and several shapes:
/// <c>a.v:3: syntax error</c>, <c>a.v:2: error: Unable to bind ...</c>, <c>a.v:3: warning: ...</c>,
/// <c>a.v:2: Include file x.vh not found</c>, and located nowhere, <c>error: Unable to find the root module</c>.
/// A line of the form <c>a.v:3:        : more</c> (or <c>     : more</c>) continues the message before it.
/// </summary>
internal static partial class IcarusDiagnosticParser
{
    public static IReadOnlyList<Diagnostic> Parse(string output, Func<string, string>? mapFile = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var continuation = Continuation().Match(line);
            if (continuation.Success)
            {
                // Folded into the message it explains, so a prompt sees one complete sentence.
                if (diagnostics.Count > 0)
                    diagnostics[^1] = diagnostics[^1] with { Message = $"{diagnostics[^1].Message} {continuation.Groups["message"].Value.Trim()}" };
                continue;
            }
            if (Bare().Match(line) is { Success: true } bare)
            {
                diagnostics.Add(new Diagnostic("", 0, 0, Severity.Error, "", bare.Groups["message"].Value.Trim()));
                continue;
            }
            if (Located().Match(line) is { Success: true } located)
            {
                var file = located.Groups["file"].Value;
                // iverilog labels warnings; an unlabelled located message (syntax error, missing include) stops the compile.
                var severity = located.Groups["kind"].Value == "warning" ? Severity.Warning : Severity.Error;
                diagnostics.Add(new Diagnostic(mapFile?.Invoke(file) ?? file, int.Parse(located.Groups["line"].Value), 1,
                    severity, "", located.Groups["message"].Value.Trim()));
                continue;
            }
            if (MissingFile().Match(line) is { Success: true } missing)
            {
                var file = missing.Groups["file"].Value;
                diagnostics.Add(new Diagnostic(mapFile?.Invoke(file) ?? file, 0, 0, Severity.Error, "", "No such file or directory"));
            }
        }
        return diagnostics;
    }

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):\s+(?<kind>error|warning|sorry):\s*(?<message>.*)$|^(?<file>[^:\s][^:]*):(?<line>\d+):\s+(?<message>[^:\s].*)$")]
    private static partial Regex Located();

    [GeneratedRegex(@"^([^:\s][^:]*:\d+:)?\s+:\s?(?<message>.*)$")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"^(error|sorry): (?<message>.*)$")]
    private static partial Regex Bare();

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*): No such file or directory$")]
    private static partial Regex MissingFile();
}
