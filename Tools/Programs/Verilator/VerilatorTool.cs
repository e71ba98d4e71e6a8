using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Verilator;

/// <summary>Verilator: lint, and building and running a C++ or SystemVerilog testbench.</summary>
internal static partial class VerilatorTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "verilator",
        Executable: "verilator",
        Purpose: "lint; build and run C++/SV testbenches",
        VersionArguments: ["--version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "verilator");

    /// <summary>Where Debian (and most packages) put Verilator's runtime files.</summary>
    private const string PackagedRoot = "/usr/share/verilator";

    /// <summary>
    /// An invocation of Verilator. The <c>verilator</c> command is a Perl wrapper that only finds
    /// its root and starts <c>verilator_bin</c>; starting the binary directly saves ~100 ms of Perl
    /// per lint, which matters when an agent lints hundreds of candidates.
    /// </summary>
    public static Foundation.Execution.ToolInvocation Invocation(IEnumerable<string> arguments) =>
        Directory.Exists(Path.Combine(PackagedRoot, "include")) && ToolVersions.FindOnPath("verilator_bin") is not null
            ? new Foundation.Execution.ToolInvocation("verilator_bin", arguments).WithEnvironment("VERILATOR_ROOT", PackagedRoot)
            : new Foundation.Execution.ToolInvocation("verilator", arguments);

    [GeneratedRegex(@"Verilator (?<version>\d+\.\d+)")]
    private static partial Regex VersionRegex();
}
