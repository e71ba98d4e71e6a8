using System.Globalization;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>
/// Reads OpenSTA 2.0's text reports: <c>report_checks</c> (full format), <c>report_worst_slack</c>
/// and <c>report_power</c>, and its <c>Error:</c> and <c>Warning:</c> lines.
/// </summary>
internal static partial class StaReportParser
{
    /// <summary>The worst path from a full-format <c>report_checks</c>; null for "No paths found."</summary>
    public static CriticalPath? ParseCriticalPath(string checks)
    {
        var start = Point().Match(checks, 0);
        if (!start.Success || start.Groups["which"].Value != "Startpoint") return null;
        var end = Point().Match(checks, start.Index + start.Length);
        var arrival = Arrival().Match(checks);
        if (!end.Success || !arrival.Success) return null;
        return new CriticalPath(
            start.Groups["name"].Value, start.Groups["kind"].Value,
            end.Groups["name"].Value, end.Groups["kind"].Value,
            Number(arrival.Groups["time"].Value), checks.Trim());
    }

    /// <summary>The number in <c>worst slack 9.3195</c>; null when OpenSTA has no constrained path (INF).</summary>
    public static double? ParseWorstSlack(string text)
    {
        var match = WorstSlack().Match(text);
        return match.Success && double.TryParse(match.Groups["slack"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var slack)
            && double.IsFinite(slack) && Math.Abs(slack) < 1e20 ? slack : null;
    }

    /// <summary>The Total, Sequential and Combinational rows of <c>report_power</c> (internal, switching, leakage, total).</summary>
    public static PowerBreakdown? ParsePower(string text)
    {
        double[]? Row(string group)
        {
            var match = Regex.Match(text, $@"^{group}\s+(?<values>(?:[-0-9.eE+]+\s+){{4}})", RegexOptions.Multiline);
            return match.Success
                ? [.. match.Groups["values"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number)]
                : null;
        }
        var total = Row("Total");
        if (total is null) return null;
        return new PowerBreakdown(total[0], total[1], total[2], total[3], Row("Sequential")?[3] ?? 0, Row("Combinational")?[3] ?? 0);
    }

    /// <summary>Lines starting <c>Error:</c>, and warnings that mean the numbers would be wrong.</summary>
    public static IReadOnlyList<string> Errors(string output) =>
        [.. Lines(output).Where(l => l.StartsWith("Error:", StringComparison.Ordinal) ||
            // A cell missing from the library becomes an empty black box: every path through it vanishes.
            (l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("Creating black box")))];

    public static IReadOnlyList<string> Warnings(string output) =>
        [.. Lines(output).Where(l => l.StartsWith("Warning:", StringComparison.Ordinal) && !l.Contains("Creating black box")).Distinct()];

    /// <summary>Cells the netlist instantiates but the library lacks, from <c>module X not found.  Creating black box</c>.</summary>
    public static IReadOnlyList<string> MissingCells(string output) =>
        [.. MissingCell().Matches(output).Select(m => m.Groups["cell"].Value).Distinct()];

    /// <summary>The text between one marker line and the next marker (or the end).</summary>
    public static string Section(string output, string marker)
    {
        var start = output.IndexOf(marker + "\n", StringComparison.Ordinal);
        if (start < 0) return "";
        start += marker.Length + 1;
        var end = output.IndexOf("hwforge: ", start, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }

    private static IEnumerable<string> Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r'));

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<which>Startpoint|Endpoint): (?<name>\S+)(?: \((?<kind>[^)]*)\))?", RegexOptions.Multiline)]
    private static partial Regex Point();

    [GeneratedRegex(@"^\s+(?<time>-?[0-9.]+)\s+data arrival time", RegexOptions.Multiline)]
    private static partial Regex Arrival();

    [GeneratedRegex(@"module (?<cell>\S+) not found\.\s+Creating black box")]
    private static partial Regex MissingCell();

    [GeneratedRegex(@"^worst slack (?<slack>\S+)", RegexOptions.Multiline)]
    private static partial Regex WorstSlack();
}
