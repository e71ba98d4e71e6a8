using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>Yosys: synthesis, gate-level statistics, liberty mapping, and SAT-based equivalence.</summary>
internal static partial class YosysTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "yosys",
        Executable: "yosys",
        Purpose: "synthesis, cell statistics, liberty area, formal equivalence",
        VersionArguments: ["-V"],
        VersionPattern: VersionRegex(),
        DebianPackage: "yosys");

    /// <summary>ABC as Yosys ships it, for the shell scripts that run a proof engine on an exported model.</summary>
    public const string AbcExecutable = "yosys-abc";

    /// <summary>Runs a Yosys script quietly, its log written to <paramref name="log"/> when one is named.</summary>
    public static ToolInvocation Script(string scriptFile, string? log = null) =>
        new(Descriptor.Executable, log is null ? ["-q", "-s", scriptFile] : ["-q", "-l", log, "-s", scriptFile]);

    /// <summary>
    /// The shell words that read <paramref name="sources"/> (as SystemVerilog) and run <paramref name="commands"/>,
    /// for a script that chains Yosys with another program.
    /// </summary>
    public static string ShellCommand(string commands, IEnumerable<string> sources) =>
        $"{Descriptor.Executable} -q -f 'verilog -sv' -p {ShellWords.Quote(commands)} {ShellWords.Join(sources)}";

    [GeneratedRegex(@"Yosys (?<version>\d+\.\d+\S*)")]
    private static partial Regex VersionRegex();
}
