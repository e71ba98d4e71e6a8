using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Tools.Programs.Gcc;

/// <summary>Parses g++'s <c>file:line:col: error: message</c> lines (a Verilator model's C++ build, a golden model).</summary>
internal static partial class GccDiagnosticParser
{
    public static IReadOnlyList<Diagnostic> Parse(string output, Func<string, string>? mapFile = null)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (Match match in Line().Matches(output))
        {
            // Verilator builds in obj/, so its messages name sources as ../file.
            var file = match.Groups["file"].Value;
            if (file.StartsWith("../", StringComparison.Ordinal)) file = file[3..];
            diagnostics.Add(new Diagnostic(mapFile?.Invoke(file) ?? file, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value),
                match.Groups["severity"].Value == "warning" ? Severity.Warning : Severity.Error, "", match.Groups["message"].Value.Trim()));
        }
        return diagnostics;
    }

    [GeneratedRegex(@"^(?<file>[^:\s]+):(?<line>\d+):(?<col>\d+): (?<severity>error|fatal error|warning): (?<message>.*)$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
