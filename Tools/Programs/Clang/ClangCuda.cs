using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Clang;

/// <summary>
/// clang's CUDA front end, compiling a kernel's device code to PTX without the NVIDIA SDK (<c>-nocudainc
/// -nocudalib</c>, with HwForge's own declarations header): the check that the source is CUDA as a real compiler
/// sees it (no host function called from a kernel, no C++ the device cannot run), which g++ on the emulation cannot
/// tell. It does not assemble or link: register counts and occupancy need ptxas, from the CUDA toolkit.
/// </summary>
internal static partial class ClangCuda
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "clang-cuda",
        Executable: "clang-19",
        Purpose: "CUDA device code compiled to PTX (the real front end's check of a kernel)",
        VersionArguments: ["--version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "clang-19");

    /// <summary>The architecture PTX is made for: sm_80 (A100) has every feature the emulation offers.</summary>
    public const string Architecture = "sm_80";

    /// <summary>
    /// The shell words that compile <paramref name="source"/> to <paramref name="ptx"/>. Warp shuffles with a mask
    /// need PTX ISA 6.0 or later, which clang enables only when it knows the SDK version, so it is asked for by hand.
    /// </summary>
    public static string CompileToPtxCommand(string source, string ptx, string header) =>
        $"{Descriptor.Executable} -x cuda --cuda-gpu-arch={Architecture} -Xclang -target-feature -Xclang +ptx72 -nocudainc -nocudalib "
        + $"--cuda-device-only -O1 -fmax-errors=10 -I. -include {header} -S -o {ptx} {ShellWords.Quote(source)}";

    [GeneratedRegex(@"clang version (?<version>\d+\.\d+\.\d+)")]
    private static partial Regex VersionRegex();
}
