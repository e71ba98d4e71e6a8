using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Nvcc;

/// <summary>
/// NVIDIA's CUDA compiler driver, from Debian's <c>nvidia-cuda-toolkit</c> (non-free): the real compiler of a kernel,
/// with ptxas behind it, which alone can say how many registers a kernel takes, whether it spills and how much
/// shared memory it holds. nvcc 11.8 accepts no g++ newer than 11, so clang-14 is its host compiler here.
/// </summary>
internal static partial class NvccTool
{
    public static ToolDescriptor Descriptor { get; } = new(
        Name: "nvcc",
        Executable: "nvcc",
        Purpose: "CUDA kernels compiled and assembled by ptxas (registers, spills, shared memory; the GPU bundle)",
        VersionArguments: ["--version"],
        VersionPattern: VersionRegex(),
        DebianPackage: "nvidia-cuda-toolkit");

    /// <summary>The host compiler nvcc is given: Debian 12's g++ 12 is newer than nvcc 11.8 accepts.</summary>
    public const string HostCompiler = "clang-14";

    /// <summary>The architecture the resource figures are for: sm_80 (A100), the GPU the roofline estimate assumes.</summary>
    public const string Architecture = "sm_80";

    /// <summary>
    /// The shell words that compile <paramref name="source"/>'s device code to a cubin, ptxas telling each kernel's
    /// resources on stderr (<c>-Xptxas -v</c>), every warning on.
    /// </summary>
    public static string ResourceUsageCommand(string source, string cubin) =>
        $"{Environment} {Descriptor.Executable} -ccbin {HostCompiler} {Dialect} -arch={Architecture} -cubin -O3 -Xptxas -v -Xptxas -warn-spills "
        + $"-o {cubin} {ShellWords.Quote(source)}";

    /// <summary>
    /// The language a kernel is read in: C++17 (nvcc 11.8 defaults to C++14, where a structured binding is an error),
    /// and constexpr host functions callable from device code, as clang allows and PyTorch's extensions build with;
    /// so a correct kernel is not refused for a dialect the emulation and clang accept.
    /// </summary>
    public const string Dialect = "-std=c++17 --expt-relaxed-constexpr";

    /// <summary>The GPU code a bench bundle carries: A100 and H100 machine code, and PTX the driver compiles for anything newer.</summary>
    public static IReadOnlyList<string> BundleArchitectures { get; } = ["sm_80", "sm_90", "compute_90 (PTX)"];

    private const string BundleGencode = "-gencode arch=compute_80,code=sm_80 -gencode arch=compute_90,code=sm_90 -gencode arch=compute_90,code=compute_90";

    /// <summary>
    /// The shell words that build a bench runner from <paramref name="units"/>: each compiled by nvcc (at once, one
    /// process each), then linked by the host compiler with the CUDA runtime and libstdc++ static, so the program
    /// needs only glibc and the GPU's driver (libcuda, which the runtime opens when it starts).
    /// </summary>
    public static string BundleCommand(IReadOnlyList<string> units, string output)
    {
        var compile = string.Join(" ", units.Select(u =>
            $"( {Environment} {Descriptor.Executable} -ccbin {HostCompiler} {Dialect} -O3 {BundleGencode} -c -o {ShellWords.Quote(Path.ChangeExtension(u, ".o"))} {ShellWords.Quote(u)} || echo failed > {ShellWords.Quote(u)}.failed ) &"));
        var objects = string.Join(" ", units.Select(u => ShellWords.Quote(Path.ChangeExtension(u, ".o"))));
        return $"{compile} wait; ! ls *.failed >/dev/null 2>&1 && {HostCompiler.Replace("clang", "clang++", StringComparison.Ordinal)} -static-libstdc++ -static-libgcc -o {ShellWords.Quote(output)} {objects} "
            + "-L/usr/lib/x86_64-linux-gnu -lcudart_static -ldl -lpthread -lrt";
    }

    /// <summary>
    /// Debian's nvcc finds cicc and ptxas through its profile's PATH, which it does not apply under the sandbox's
    /// clean environment; the toolkit's folder is added by hand (after the sandbox's own, so it changes nothing else).
    /// </summary>
    public const string Environment = "PATH=\"$PATH:/usr/lib/nvidia-cuda-toolkit/bin\"";

    [GeneratedRegex(@"release \d+\.\d+, V(?<version>\d+\.\d+\.\d+)")]
    private static partial Regex VersionRegex();
}
