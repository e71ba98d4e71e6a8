using System.Globalization;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// One kernel's resources as ptxas assigned them for <see cref="Programs.Nvcc.NvccTool.Architecture"/>: static facts of
/// the compiled code, never a speed. The occupancy bounds are what those resources allow on an A100's SM; what a
/// launch reaches also depends on its block size, which is the host code's choice and not read here.
/// </summary>
internal sealed partial record CudaKernelResources(string Kernel, string Signature, int Registers, int SharedBytes, int StackBytes, int SpillStoreBytes, int SpillLoadBytes)
{
    // An A100 (sm_80) SM, from NVIDIA's CUDA C++ Programming Guide, "Compute Capabilities" (table 15).
    private const int RegistersPerSm = 65536;
    private const int RegisterUnitPerWarp = 256;
    private const int MaxWarpsPerSm = 64;
    private const int MaxBlocksPerSm = 32;
    private const int SharedPerSm = 167936;
    private const int SharedReservedPerBlock = 1024;

    public bool Spills => SpillStoreBytes > 0 || SpillLoadBytes > 0;

    /// <summary>The warps an SM can hold at these registers per thread (of 64), whatever the block size.</summary>
    public int WarpsByRegisters
    {
        get
        {
            var perWarp = (Math.Max(1, Registers) * 32 + RegisterUnitPerWarp - 1) / RegisterUnitPerWarp * RegisterUnitPerWarp;
            return Math.Min(MaxWarpsPerSm, RegistersPerSm / perWarp);
        }
    }

    /// <summary>The occupancy the registers allow: resident warps over the SM's 64.</summary>
    public double OccupancyByRegisters => WarpsByRegisters / (double)MaxWarpsPerSm;

    /// <summary>The blocks an SM can hold at this much static shared memory per block; null when the kernel takes none.</summary>
    public int? BlocksBySharedMemory => SharedBytes == 0 ? null : Math.Min(MaxBlocksPerSm, SharedPerSm / (SharedBytes + SharedReservedPerBlock));

    public string Describe()
    {
        var text = FormattableString.Invariant($"{Kernel}: {Registers} registers, {SharedBytes} B shared");
        if (StackBytes > 0) text += FormattableString.Invariant($", {StackBytes} B stack");
        text += Spills ? FormattableString.Invariant($", SPILLS ({SpillStoreBytes} B stored, {SpillLoadBytes} B loaded)") : ", no spills";
        text += FormattableString.Invariant($"; occupancy <= {OccupancyByRegisters:0%} by registers ({WarpsByRegisters}/{MaxWarpsPerSm} warps)");
        if (BlocksBySharedMemory is { } blocks) text += FormattableString.Invariant($", <= {blocks} blocks/SM by shared memory");
        return text;
    }

    /// <summary>
    /// The kernels in a ptxas <c>-v</c> log whose names were demangled (cu++filt): each entry function, then its
    /// frame and spill line, then its register line. Device functions ptxas compiles on their own are not kernels and
    /// are left out; a kernel's dynamic shared memory is the launch's and not in the log.
    /// </summary>
    public static IReadOnlyList<CudaKernelResources> Parse(string log)
    {
        var kernels = new List<CudaKernelResources>();
        CudaKernelResources? current = null;
        string? properties = null;
        foreach (var line in log.Split('\n'))
        {
            if (Entry().Match(line) is { Success: true } entry)
            {
                if (current is not null) kernels.Add(current);
                var signature = entry.Groups["name"].Value;
                current = new CudaKernelResources(ShortName(signature), signature, 0, 0, 0, 0, 0);
                properties = null;
            }
            else if (Properties().Match(line) is { Success: true } named) properties = named.Groups["name"].Value;
            else if (current is not null && Frame().Match(line) is { Success: true } frame && properties == current.Signature)
                current = current with { StackBytes = Int(frame, "stack"), SpillStoreBytes = Int(frame, "stores"), SpillLoadBytes = Int(frame, "loads") };
            else if (current is not null && Used().Match(line) is { Success: true } used)
                current = current with { Registers = Int(used, "registers"), SharedBytes = used.Groups["smem"].Success ? Int(used, "smem") : 0 };
        }
        if (current is not null) kernels.Add(current);
        return kernels;
    }

    // "void tile<16>(const float *, float *)" → "tile<16>": the name a kernel was written with.
    private static string ShortName(string signature)
    {
        var open = signature.IndexOf('(', StringComparison.Ordinal);
        var name = open > 0 ? signature[..open] : signature;
        return name.StartsWith("void ", StringComparison.Ordinal) ? name[5..] : name;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Compiling entry function '(?<name>.+)' for '")]
    private static partial Regex Entry();

    [GeneratedRegex(@"Function properties for (?<name>.+?)\s*$")]
    private static partial Regex Properties();

    [GeneratedRegex(@"(?<stack>\d+) bytes stack frame, (?<stores>\d+) bytes spill stores, (?<loads>\d+) bytes spill loads")]
    private static partial Regex Frame();

    [GeneratedRegex(@"Used (?<registers>\d+) registers(?:, (?:\d+ bytes \w+(?:\[\d+\])?, )*?(?<smem>\d+) bytes smem)?")]
    private static partial Regex Used();
}
