using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets;

/// <summary>The fenced code blocks of a model's answer, with their language tags; targets pick their design from these.</summary>
public static partial class FencedBlocks
{
    /// <summary>Every fenced block with its language tag, lower-cased (empty when none).</summary>
    public static IReadOnlyList<(string Language, string Code)> All(string answer) =>
        [.. Fence().Matches(answer).Select(m => (m.Groups["lang"].Value.Trim().ToLowerInvariant(), m.Groups["code"].Value.TrimEnd() + "\n"))];

    [GeneratedRegex(@"```(?<lang>[^\n`]*)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
