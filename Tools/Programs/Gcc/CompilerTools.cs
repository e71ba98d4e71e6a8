using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Gcc;

/// <summary>Helpers that other flows call: the C++ compiler behind Verilator models, and z3 for SMT proofs.</summary>
public static partial class CompilerTools
{
    public static ToolDescriptor Gxx { get; } = new(
        Name: "g++",
        Executable: "g++",
        Purpose: "C++ testbenches and Verilator models",
        VersionArguments: ["--version"],
        VersionPattern: GccVersionRegex(),
        DebianPackage: "g++");

    public static ToolDescriptor Z3 { get; } = new(
        Name: "z3",
        Executable: "z3",
        Purpose: "SMT solver for bounded and inductive proofs",
        VersionArguments: ["--version"],
        VersionPattern: Z3VersionRegex(),
        DebianPackage: "z3");

    [GeneratedRegex(@"\) (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex GccVersionRegex();

    [GeneratedRegex(@"Z3 version (?<version>\S+)")]
    private static partial Regex Z3VersionRegex();
}
