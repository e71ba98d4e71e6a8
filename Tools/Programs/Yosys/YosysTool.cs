using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>Yosys: synthesis, gate-level statistics, liberty mapping, and SAT-based equivalence.</summary>
public static partial class YosysTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "yosys",
        Executable: "yosys",
        Purpose: "synthesis, cell statistics, liberty area, formal equivalence",
        VersionArguments: ["-V"],
        VersionPattern: VersionRegex(),
        DebianPackage: "yosys");

    [GeneratedRegex(@"Yosys (?<version>\d+\.\d+\S*)")]
    private static partial Regex VersionRegex();
}
