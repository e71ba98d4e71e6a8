using System.Globalization;
using HwForge.Tools.Reward;

namespace HwForge.Agents.Reports;

/// <summary>
/// How a run's designs compare with the plain reference, in the report's words: each figure beside its change
/// against the baseline, and a plain sentence when the optimiser's best ends worse than the reference it started from.
/// </summary>
internal static class VersusReference
{
    /// <summary>
    /// "The best verified design is 4.2% worse than the reference on your objective (…)", or null when it is not worse
    /// (or cannot be compared). Said plainly because a reward near 1 reads as success while the reference was better.
    /// </summary>
    public static string? WorseSentence(RunReport report)
    {
        if (report.BestVersusReference is not { Total: < 0 } versus || report.Best is null) return null;
        var which = report.Status == RunStatus.Verified ? "best verified design" : "best passing design";
        var changes = versus.Gains.Where(g => g.Weight > 0).ToList();
        var detail = changes.Count == 0 ? "" : $" ({ChangeText.Changes(changes)} against the reference)";
        return string.Create(CultureInfo.InvariantCulture,
            $"The {which} ({report.Best.Id}) is {-versus.Total:0.#%} worse than the reference on your objective{detail}; the reference itself is the better design.");
    }

    /// <summary>A table cell: the figure, and its signed change against the baseline when both are measured.</summary>
    public static string Cell(double? value, double? baseline)
    {
        if (value is not { } v) return "";
        var figure = v.ToString("0.###", CultureInfo.InvariantCulture);
        return baseline is { } b && b > 0 && v != b ? $"{figure} ({ChangeText.Percent((v - b) / b)})" : figure;
    }
}
