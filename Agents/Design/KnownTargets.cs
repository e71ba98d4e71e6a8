namespace HwForge.Agents.Design;

/// <summary>
/// The design targets a spec file may name. The one list of them, so that a target registry can take its place
/// without the spec reader changing.
/// </summary>
internal static class KnownTargets
{
    /// <summary>Verilog RTL, verified against a Verilog reference or a C++ golden model.</summary>
    public const string Rtl = "rtl";

    public static IReadOnlyList<string> Names { get; } = [Rtl];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
