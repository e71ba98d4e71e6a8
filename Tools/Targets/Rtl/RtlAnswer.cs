using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl;

/// <summary>Finds the Verilog in a model's answer: fenced blocks only, never the prose around them.</summary>
internal static partial class RtlAnswer
{
    private static readonly string[] Tags = ["verilog", "systemverilog", "sv", "v"];

    /// <summary>
    /// The last block tagged verilog/systemverilog/sv/v that declares a module, else the last untagged block that
    /// does. A design whose first module is not <paramref name="top"/> is still returned: the judge says what is wrong.
    /// </summary>
    public static AnswerDesign Read(string answer, string top)
    {
        var blocks = FencedBlocks.All(answer).Where(b => Module().IsMatch(b.Code)).ToList();
        var code = blocks.LastOrDefault(b => Tags.Contains(b.Language)).Code ?? blocks.LastOrDefault(b => b.Language.Length == 0).Code;
        return code is null
            ? AnswerDesign.Missing("the answer held no ```verilog block with a module")
            : AnswerDesign.Found(DesignArtifact.Single(RtlTarget.TargetName, top, "design.v", code));
    }

    /// <summary>The name of the first module a piece of Verilog declares.</summary>
    public static string? ModuleName(string verilog) => Module().Match(verilog) is { Success: true } m ? m.Groups["name"].Value : null;

    [GeneratedRegex(@"\bmodule\s+(?<name>[A-Za-z_][A-Za-z0-9_$]*)")]
    private static partial Regex Module();
}
