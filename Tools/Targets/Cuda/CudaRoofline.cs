using System.Globalization;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>The GPU a roofline estimate assumes: its fp32 peak and its memory bandwidth, both as sold, never reached.</summary>
internal sealed record CudaRooflineGpu(string Name, double FlopsPerSecond, double BytesPerSecond)
{
    /// <summary>An NVIDIA A100 (40 GB, SXM): 19.5 TFLOP/s fp32 without tensor cores, 1555 GB/s of HBM2.</summary>
    public static CudaRooflineGpu A100Class { get; } = new("A100-class", 19.5e12, 1555e9);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"assumed {Name} GPU: {FlopsPerSecond / 1e12:0.#} TFLOP/s fp32, {BytesPerSecond / 1e9:0} GB/s");
}

/// <summary>The estimate at one size: the problem's work, and the time the roofline allows for it.</summary>
internal sealed record CudaSizeEstimate(string Size, long Flops, long Bytes, double EstimatedMicroseconds, string BoundBy);

/// <summary>A roofline estimate for every size of a problem, with what it assumes and what it is not.</summary>
internal sealed record CudaRooflineEstimate(string Label, string Assumption, string Meaning, IReadOnlyList<CudaSizeEstimate> Sizes);

/// <summary>
/// The time a problem needs at the least on an assumed GPU, from the problem's own flops and bytes (problem.yaml):
/// max(flops / peak, bytes / bandwidth) per size. It is a bound for the problem, not a figure for a kernel: a kernel's
/// own traffic (re-reads, spills, uncoalesced accesses) cannot be told from its source, and nothing here ran on a GPU.
/// </summary>
internal static class CudaRoofline
{
    /// <summary>What an estimate is, said with every estimate.</summary>
    public const string Meaning = "estimated, not measured: the problem's lower bound, max(flops / peak, bytes / bandwidth), from the flops and "
        + "bytes problem.yaml gives; the same for every kernel of the problem, since a kernel's own work cannot be told from its source; "
        + "no launch overhead, caches, occupancy or clock limits are counted, so a real kernel takes at least this long, usually much longer";

    /// <summary>The estimate for every size of <paramref name="problem"/>, or null when it gives no flops and bytes.</summary>
    public static CudaRooflineEstimate? Estimate(CudaProblem problem, CudaRooflineGpu? gpu = null)
    {
        if (problem.Flops is not { } flopsText || problem.Bytes is not { } bytesText) return null;
        gpu ??= CudaRooflineGpu.A100Class;
        var sizes = problem.Sizes.Select(size =>
        {
            var flops = new ShapeArithmetic(flopsText, size, "flops").Parse();
            var bytes = new ShapeArithmetic(bytesText, size, "bytes").Parse();
            double compute = flops / gpu.FlopsPerSecond, memory = bytes / gpu.BytesPerSecond;
            return new CudaSizeEstimate(string.Join(", ", size.Select(p => $"{p.Key}={p.Value}")), flops, bytes,
                Math.Max(compute, memory) * 1e6, compute > memory ? "compute" : "memory");
        }).ToList();
        // The words every estimate is shown under, so it is never read as a measured speed.
        return new CudaRooflineEstimate($"estimated (roofline, assumed {gpu.Name})", gpu.Describe(), Meaning, sizes);
    }
}
