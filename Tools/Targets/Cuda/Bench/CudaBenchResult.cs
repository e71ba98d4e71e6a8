using System.Globalization;
using System.Text.Json;

namespace HwForge.Tools.Targets.Cuda.Bench;

/// <summary>One side's timings at one size, as the runner measured them on the GPU (microseconds, CUDA events).</summary>
internal sealed record CudaBenchTiming(double MedianUs, double MinUs, double P10Us, double P90Us, int Timings, long Mismatches, string FirstMismatch);

/// <summary>
/// One size: both sides' timings, the speedup (baseline median over kernel median), and the bound the GPU's memory
/// bandwidth sets from the problem's bytes; a kernel timed below that bound is flagged, never believed.
/// </summary>
internal sealed record CudaBenchSize(string Size, CudaBenchTiming Kernel, CudaBenchTiming Baseline, double? BandwidthBoundUs)
{
    public double Speedup => Kernel.MedianUs > 0 ? Baseline.MedianUs / Kernel.MedianUs : double.PositiveInfinity;

    /// <summary>Faster than the problem's bytes can move at the device's peak bandwidth: a timing that cannot be true.</summary>
    public bool BeyondRoofline => BandwidthBoundUs is { } bound && Kernel.MedianUs < bound;

    public bool Matched => Kernel.Mismatches == 0 && Baseline.Mismatches == 0;
}

/// <summary>The runner's one JSON object, read, and judged against the problem's roofline on the GPU it ran on.</summary>
internal sealed record CudaBenchResult(string? Device, double? BandwidthGbs, int Repeats, IReadOnlyList<CudaBenchSize> Sizes, string? Error, int Exit)
{
    public bool Timed => Error is null && Sizes.Count > 0;

    /// <summary>Reads <paramref name="json"/> (the runner's stdout); an unreadable one is an error result saying so.</summary>
    public static CudaBenchResult Parse(string json, CudaProblem problem)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string? device = null;
            double? bandwidth = null;
            if (root.TryGetProperty("device", out var d))
            {
                device = $"{d.GetProperty("name").GetString()} (compute capability {d.GetProperty("compute_capability").GetString()}, {d.GetProperty("sms").GetInt32()} SMs)";
                bandwidth = d.GetProperty("memory_bandwidth_gbs").GetDouble();
            }
            var exit = root.TryGetProperty("exit", out var e) ? e.GetInt32() : 2;
            var error = root.TryGetProperty("error", out var message) ? message.GetString() : null;
            var repeats = root.TryGetProperty("repeats", out var r) ? r.GetInt32() : 0;
            var read = new List<CudaBenchSize>();
            if (root.TryGetProperty("sizes", out var all))
            {
                foreach (var size in all.EnumerateArray())
                {
                    var label = size.GetProperty("size").GetString() ?? "";
                    var bound = bandwidth is > 0 && SizeOf(label) is { } values ? BandwidthBound(problem, values, bandwidth.Value) : null;
                    read.Add(new CudaBenchSize(label, Timing(size.GetProperty("kernel")), Timing(size.GetProperty("baseline")), bound));
                }
            }
            return new CudaBenchResult(device, bandwidth, repeats, read, error, exit);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new CudaBenchResult(null, null, 0, [], $"the runner's output is not the JSON it writes ({ex.Message}): {json.Trim()[..Math.Min(400, json.Trim().Length)]}", 2);
        }
    }

    // "M=33, N=47" (the runner's label, as CudaBenchProgram.Label writes it) back into the size's values.
    private static Dictionary<string, long>? SizeOf(string label)
    {
        var size = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !long.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return null;
            size[pair[0]] = value;
        }
        return size;
    }

    // bytes / (GB/s) in microseconds: the least time the problem's traffic can take at the device's peak.
    private static double? BandwidthBound(CudaProblem problem, IReadOnlyDictionary<string, long> size, double gigabytesPerSecond)
    {
        if (problem.Bytes is null) return null;
        try
        {
            var bytes = new ShapeArithmetic(problem.Bytes, size, "bytes").Parse();
            return bytes > 0 ? bytes / (gigabytesPerSecond * 1e3) : null;
        }
        catch (FormatException) { return null; }   // a label naming other sizes than the problem's: no bound, rather than a wrong one
    }

    private static CudaBenchTiming Timing(JsonElement e) => new(
        e.GetProperty("median_us").GetDouble(), e.GetProperty("min_us").GetDouble(), e.GetProperty("p10_us").GetDouble(), e.GetProperty("p90_us").GetDouble(),
        e.GetProperty("timings").GetInt32(), e.GetProperty("mismatches").GetInt64(), e.GetProperty("first_mismatch").GetString() ?? "");

    /// <summary>The result in lines for a person: per size the two medians, the speedup, and what is flagged.</summary>
    public IEnumerable<string> Describe()
    {
        if (Error is not null) { yield return $"not timed: {Error}"; yield break; }
        yield return $"measured on {Device}: median of {Repeats} CUDA-event timings per side, warm-up first, L2 flushed and outputs poisoned before every call";
        foreach (var s in Sizes)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{s.Size}: kernel {s.Kernel.MedianUs:0.###} us (p10 {s.Kernel.P10Us:0.###}, p90 {s.Kernel.P90Us:0.###}), baseline {s.Baseline.MedianUs:0.###} us, speedup {s.Speedup:0.##}x");
            if (!s.Matched) line += $"; MISMATCH on {s.Kernel.Mismatches + s.Baseline.Mismatches} timed calls ({(s.Kernel.Mismatches > 0 ? s.Kernel.FirstMismatch : s.Baseline.FirstMismatch)}): the speedup does not count";
            if (s.BeyondRoofline) line += string.Create(CultureInfo.InvariantCulture, $"; FLAGGED: faster than the device's memory bandwidth allows for the problem's bytes (>= {s.BandwidthBoundUs:0.###} us): a timing that cannot be true");
            yield return line;
        }
    }
}
