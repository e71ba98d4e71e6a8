using System.Globalization;

namespace HwForge.Tools.Reward;

/// <summary>
/// Relative changes in the words an engineer reads: signed against the baseline, so "area −7.9%" is smaller and
/// "delay +15.5%" slower. Every place a PPA change is printed goes through here, so the sign means one thing.
/// </summary>
public static class ChangeText
{
    /// <summary>A signed percentage: "+15.5%", "−7.9%" (a real minus sign), "0%" for no change.</summary>
    public static string Percent(double change) =>
        change.ToString("+0.#%;\u22120.#%;0%", CultureInfo.InvariantCulture);

    /// <summary>"area −7.9%, delay +15.5%": each objective's change against the baseline.</summary>
    public static string Changes(IEnumerable<ObjectiveGain> gains) =>
        string.Join(", ", gains.Select(g => $"{g.Objective.Name} {Percent(g.Change)}"));
}
