using System.Runtime.Intrinsics;

namespace HwForge.InferenceCore.Bench;

/// <summary>
/// The machine's fp32 ceiling the figures are set against. Zen 4 issues one 512-bit FMA per cycle (two 256-bit
/// pipes), 32 flop/cycle, ≈100 GFLOP/s per core at its ~3.1 GHz; a figure's "% of roofline" is against
/// that per core times the threads used. HWFORGE_PEAK_GFLOPS_PER_CORE overrides it on another CPU.
/// </summary>
public static class Roofline
{
    public static double PeakGflopsPerCore =>
        double.TryParse(Environment.GetEnvironmentVariable("HWFORGE_PEAK_GFLOPS_PER_CORE"), out var v) && v > 0 ? v : 100;

    /// <summary>DRAM bandwidth a decode step is bounded by: ~9 GB/s measured on this machine (issue 17); HWFORGE_DRAM_GBPS overrides.</summary>
    public static double DramGigabytesPerSecond =>
        double.TryParse(Environment.GetEnvironmentVariable("HWFORGE_DRAM_GBPS"), out var v) && v > 0 ? v : 9;

    public static double PercentOf(double gflops, int threads) => 100 * gflops / (PeakGflopsPerCore * threads);

    public static string Machine =>
        $"{Environment.ProcessorCount} logical CPUs, Vector512 {(Vector512.IsHardwareAccelerated ? "accelerated" : "not accelerated")}, " +
        $"peak assumed {PeakGflopsPerCore:0} GFLOP/s fp32 per core, DRAM {DramGigabytesPerSecond:0} GB/s";

    /// <summary>Flops of one MiniLM forward pass over t tokens: the matmuls and the two attention products.</summary>
    public static double MiniLmFlops(int t, int hidden = 384, int ff = 1536, int layers = 6) =>
        layers * (2.0 * t * hidden * hidden * 4 + 2.0 * t * hidden * ff * 2 + 2.0 * 2 * t * t * hidden);
}
