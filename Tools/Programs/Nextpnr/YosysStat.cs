using System.Globalization;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>Reads one module's cell counts from Yosys's <c>stat</c> of a design whose hierarchy was kept.</summary>
internal static partial class YosysStat
{
    /// <summary>
    /// The cells by type in <paramref name="module"/>'s own section (<c>=== name ===</c>), not the totals of the
    /// <c>=== design hierarchy ===</c> section after it; empty when it has none.
    /// </summary>
    public static IReadOnlyDictionary<string, int> CellsOf(string stat, string module)
    {
        var cells = new Dictionary<string, int>();
        var inside = false;
        foreach (var raw in stat.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (Section().Match(line) is { Success: true } section)
            {
                inside = section.Groups["name"].Value == module;
                continue;
            }
            if (inside && CellLine().Match(line) is { Success: true } cell)
                cells[cell.Groups["type"].Value] = int.Parse(cell.Groups["count"].Value, CultureInfo.InvariantCulture);
        }
        return cells;
    }

    [GeneratedRegex(@"^=== (?<name>.+?) ===\s*$")]
    private static partial Regex Section();

    [GeneratedRegex(@"^\s{5}(?<type>SB_\w+|\$\S+)\s+(?<count>\d+)\s*$")]
    private static partial Regex CellLine();
}
