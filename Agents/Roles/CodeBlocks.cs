using System.Text.RegularExpressions;

namespace HwForge.Agents.Roles;

/// <summary>Takes code out of a model's answer: fenced blocks only, never prose around them.</summary>
public static partial class CodeBlocks
{
    /// <summary>Every fenced block with its language tag (empty when none).</summary>
    public static IReadOnlyList<(string Language, string Code)> All(string answer) =>
        [.. Fence().Matches(answer).Select(m => (m.Groups["lang"].Value.Trim().ToLowerInvariant(), m.Groups["code"].Value.TrimEnd() + "\n"))];

    /// <summary>
    /// The Verilog of the answer: the last block tagged verilog/systemverilog/sv/v that declares a module, else
    /// the last untagged block that does. Null when there is none; the caller turns that into feedback.
    /// </summary>
    public static string? Verilog(string answer)
    {
        var blocks = All(answer).Where(b => Module().IsMatch(b.Code)).ToList();
        var tagged = blocks.LastOrDefault(b => b.Language is "verilog" or "systemverilog" or "sv" or "v");
        return tagged.Code ?? blocks.LastOrDefault(b => b.Language.Length == 0).Code;
    }

    public static string? Json(string answer) => All(answer).LastOrDefault(b => b.Language == "json").Code
        ?? All(answer).LastOrDefault(b => b.Code.TrimStart().StartsWith('{')).Code;

    /// <summary>The name of the first module a piece of Verilog declares.</summary>
    public static string? ModuleName(string verilog) => Module().Match(verilog) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex(@"```(?<lang>[^\n`]*)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\bmodule\s+(?<name>[A-Za-z_][A-Za-z0-9_$]*)")]
    private static partial Regex Module();
}
