using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>nextpnr-ice40: place and route for Lattice iCE40 FPGAs (logic cells, RAM, DSP, Fmax).</summary>
internal static partial class NextpnrTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "nextpnr-ice40",
        Executable: "nextpnr-ice40",
        Purpose: "iCE40 place and route: utilisation and Fmax",
        VersionArguments: ["--version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "nextpnr-ice40");

    [GeneratedRegex(@"Version (?<version>[^)\s]+)")]
    private static partial Regex VersionRegex();
}
