using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>
/// Reads what the synthesis script leaves behind: <c>stat -json</c>, the text <c>stat -liberty</c>
/// (for the area), <c>ltp</c>'s longest path, and Yosys' ERROR and Warning lines.
/// </summary>
internal static partial class YosysOutputParser
{
    /// <summary>Cell counts from <c>stat -json</c>: the whole-design totals, else the only module's.</summary>
    public static (IReadOnlyDictionary<string, int> ByType, int Total)? ParseCells(string statJson)
    {
        try
        {
            using var document = JsonDocument.Parse(statJson);
            var root = document.RootElement;
            JsonElement? scope = root.TryGetProperty("design", out var design) ? design : null;
            if (scope is null && root.TryGetProperty("modules", out var modules))
                scope = modules.EnumerateObject().Select(m => m.Value).FirstOrDefault();
            if (scope is not { } s || !s.TryGetProperty("num_cells", out var total)) return null;

            var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
            if (s.TryGetProperty("num_cells_by_type", out var types))
                foreach (var type in types.EnumerateObject()) byType[type.Name] = type.Value.GetInt32();
            return (byType, total.GetInt32());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The length from <c>Longest topological path in top (length=N):</c>; 0 when the design has no logic.</summary>
    public static int? ParseDepth(string ltpText)
    {
        var match = LongestPath().Match(ltpText);
        return match.Success ? int.Parse(match.Groups["length"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The number in <c>Chip area for module '\top': 665.000000</c>.</summary>
    public static double? ParseArea(string statText)
    {
        var match = ChipArea().Match(statText);
        return match.Success ? double.Parse(match.Groups["area"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// Errors and warnings, with staged file names mapped to the user's. Yosys writes
    /// <c>a.v:2: ERROR: syntax error, …</c>, <c>ERROR: Module `x' not found!</c> and <c>a.v:2: Warning: …</c>.
    /// </summary>
    public static (IReadOnlyList<SynthesisMessage> Errors, IReadOnlyList<SynthesisMessage> Warnings) ParseMessages(
        string output, Func<string, string> mapFile)
    {
        var errors = new List<SynthesisMessage>();
        var warnings = new List<SynthesisMessage>();
        foreach (var raw in output.Split('\n'))
        {
            var match = Message().Match(raw.TrimEnd('\r'));
            if (!match.Success) continue;
            var message = new SynthesisMessage(
                match.Groups["file"].Success ? mapFile(match.Groups["file"].Value) : "",
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) : 0,
                match.Groups["text"].Value.Trim());
            if (match.Groups["kind"].Value == "ERROR") errors.Add(message);
            // Complaints about the library's own cells (SKY130 has scan flops Yosys cannot model)
            // say nothing about the design.
            else if (!message.Message.Contains("in pin attribute of cell")) warnings.Add(message);
        }
        return (errors, warnings.Distinct().ToList());
    }

    /// <summary>The module named in <c>Module `top' not found!</c>, if that is what an error says.</summary>
    public static string? MissingModule(string errorMessage)
    {
        var match = ModuleNotFound().Match(errorMessage);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(@"Longest topological path in \S+ \(length=(?<length>\d+)\)")]
    private static partial Regex LongestPath();

    [GeneratedRegex(@"Chip area for (?:top )?module '[^']*': (?<area>[0-9.eE+-]+)")]
    private static partial Regex ChipArea();

    [GeneratedRegex(@"^(?:(?<file>[^:\s][^:]*):(?<line>\d+): )?(?<kind>ERROR|Warning): (?<text>.*)$")]
    private static partial Regex Message();

    [GeneratedRegex(@"^Module `\\?(?<name>[^']+)' not found!?$")]
    private static partial Regex ModuleNotFound();
}
