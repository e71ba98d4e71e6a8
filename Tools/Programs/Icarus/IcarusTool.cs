using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Icarus;

/// <summary>Icarus Verilog: compile (iverilog) and simulate (vvp).</summary>
internal static partial class IcarusTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "iverilog",
        Executable: "iverilog",
        Purpose: "event-driven simulation (iverilog + vvp)",
        VersionArguments: ["-V"],
        VersionPattern: VersionRegex(),
        DebianPackage: "iverilog");

    [GeneratedRegex(@"Icarus Verilog version (?<version>\S+)")]
    private static partial Regex VersionRegex();
}
