using System.Text.RegularExpressions;
using HwForge.Tools.Catalog;

namespace HwForge.Tools.Verilator;

/// <summary>Verilator: lint, and building and running a C++ or SystemVerilog testbench.</summary>
public static partial class VerilatorTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "verilator",
        Executable: "verilator",
        Purpose: "lint; build and run C++/SV testbenches",
        VersionArguments: ["--version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "verilator");

    [GeneratedRegex(@"Verilator (?<version>\d+\.\d+)")]
    private static partial Regex VersionRegex();
}
