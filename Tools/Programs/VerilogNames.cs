using System.Text.RegularExpressions;
using HwForge.Tools.Foundation;

namespace HwForge.Tools.Programs;

/// <summary>Checks module names before they reach a tool's command line or script.</summary>
internal static partial class VerilogNames
{
    /// <summary>A top module must be a plain identifier; escaped identifiers are not supported as tops.</summary>
    public static string RequireTop(string top) =>
        IsPlain(top)
            ? top
            : throw new HwForgeException(ProblemKind.InvalidInput, $"'{top}' is not a plain Verilog module name (letters, digits, _ and $, not starting with a digit)");

    public static bool IsPlain(string top) => SimpleIdentifier().IsMatch(top);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*$")]
    private static partial Regex SimpleIdentifier();
}
