using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>OpenSTA: static timing (critical path, slack, Fmax) and power of a mapped netlist.</summary>
internal static partial class OpenStaTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "opensta",
        Executable: "sta",
        Purpose: "static timing and power analysis",
        VersionArguments: ["-version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "opensta");

    [GeneratedRegex(@"(?<version>\d+\.\d+\.\d+)")]
    private static partial Regex VersionRegex();
}
