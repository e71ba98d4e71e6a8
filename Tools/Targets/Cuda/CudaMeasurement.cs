using HwForge.Tools.Reward;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// What the CUDA target can say of a design's speed without a GPU: nothing measured, and, where the design carries
/// its problem.yaml with flops and bytes, the problem's roofline estimate per size as details labelled estimated.
/// Never an objective: the estimate is the same for every kernel of a problem, so it must not rank them.
/// </summary>
internal static class CudaMeasurement
{
    private const string Nothing = "nothing measured: the CUDA target runs kernels on a CPU emulation, which says nothing about their speed; "
        + "a GPU times kernels with hwforge cuda bench (docs/CUDA.md)";

    public static TargetMeasurement Measure(DesignArtifact design)
    {
        // A C++ reference runs on the host: a GPU's roofline beside it would read as its speed.
        if (!design.Files.Any(f => Path.GetExtension(f.Path).Equals(".cu", StringComparison.OrdinalIgnoreCase)))
            return Unestimated("the design has no .cu kernel (a C++ reference runs on the host), so no GPU estimate either");
        var yaml = design.Files.FirstOrDefault(f => Path.GetExtension(f.Path).ToLowerInvariant() is ".yaml" or ".yml");
        if (yaml is null) return Unestimated($"no {CudaProblem.FileName} came with the design, so no roofline estimate either");
        var (problem, error) = CudaProblem.Parse(yaml.Text);
        if (problem is null) return new TargetMeasurement { Succeeded = false, Problem = $"{yaml.FileName}: {error}", Basis = Nothing };
        if (CudaRoofline.Estimate(problem) is not { } estimate)
            return Unestimated($"{yaml.FileName} gives no flops and bytes, so no roofline estimate either");

        // One detail per size, the label in the unit so every place that shows a figure with its unit shows it too.
        var details = new Dictionary<string, double>();
        var units = new Dictionary<string, string>();
        foreach (var size in estimate.Sizes)
        {
            var name = $"estimated_us {size.Size.Replace(",", "", StringComparison.Ordinal)}";
            details[name] = size.EstimatedMicroseconds;
            units[name] = $"us {estimate.Label}";
        }
        return new TargetMeasurement
        {
            Succeeded = true,
            Metrics = PpaMetrics.Unmeasured,
            Details = details,
            Units = units,
            Basis = $"{Nothing}. {estimate.Label}, {estimate.Assumption}: {estimate.Meaning}",
            Report = estimate,
        };
    }

    private static TargetMeasurement Unestimated(string why) => new() { Succeeded = true, Basis = $"{Nothing}; {why}" };
}
