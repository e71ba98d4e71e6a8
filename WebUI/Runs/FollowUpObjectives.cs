using System.Text.RegularExpressions;
using HwForge.Tools.Reward;

namespace HwForge.WebUI.Runs;

/// <summary>
/// What a follow-up message says about the objectives ("make it smaller", "faster", "lower power"): the objective it
/// names counts four times the others for the refined run, which the reward and the search then follow. A follow-up
/// that names none keeps the earlier run's weights, so a conversation remembers what was asked before.
/// </summary>
internal static partial class FollowUpObjectives
{
    public const double Emphasis = 4;

    public static (ObjectiveWeights Weights, string? Said) Read(string message, ObjectiveWeights earlier)
    {
        var text = message.ToLowerInvariant();
        var named = new List<string>();
        if (Smaller().IsMatch(text)) named.Add("area");
        if (Faster().IsMatch(text)) named.Add("delay");
        if (LessPower().IsMatch(text)) named.Add("power");
        if (named.Count == 0) return (earlier, null);
        var weights = new ObjectiveWeights(Weight("area"), Weight("delay"), Weight("power"));
        return (weights, $"Refining the earlier run with {string.Join(" and ", named)} weighed {Emphasis:0}× the other objectives (area {weights.Area:0}, delay {weights.Delay:0}, power {weights.Power:0}), from \"{message.Trim()}\".");

        double Weight(string objective) => named.Contains(objective) ? Emphasis : 1;
    }

    [GeneratedRegex(@"\b(smaller|small|compact|tiny|tinier|less area|lower area|minimi[sz]e (the )?area|area[- ]?(optimi[sz]ed|efficient)|fewer (cells|gates|luts)|cheaper)\b")]
    private static partial Regex Smaller();

    [GeneratedRegex(@"\b(faster|fast|quicker|speed( it)? up|higher (clock|frequency|fmax)|less delay|lower delay|shorter critical path|minimi[sz]e (the )?delay|timing[- ]driven)\b")]
    private static partial Regex Faster();

    [GeneratedRegex(@"\b((less|lower|low|minimi[sz]e( the)?) (power|energy)|power[- ](efficient|saving|optimi[sz]ed)|energy[- ]efficient|battery)\b")]
    private static partial Regex LessPower();
}
