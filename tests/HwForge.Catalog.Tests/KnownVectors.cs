using System.Numerics;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Catalog.Tests;

/// <summary>
/// Runs a generated module (design or reference) under the judge's own harness on inputs chosen by a test,
/// and hands back its outputs cycle by cycle, so they can be compared with values computed in C#.
/// Cycle t's outputs are sampled before the clock edge that ends cycle t.
/// </summary>
internal static class KnownVectors
{
    public static async Task<IReadOnlyList<Dictionary<string, BigInteger>>> RunAsync(
        CatalogJudge judge, GeneratedDesign design, bool reference, IReadOnlyList<Dictionary<string, BigInteger>> cycles)
    {
        var (top, sources) = reference
            ? (design.ReferenceTop, new[] { SourceLoader.FromText(design.ReferenceFileName, design.ReferenceVerilog) })
            : (design.Top, new[] { SourceLoader.FromText(design.DesignFileName, design.Verilog) });
        var probe = await InterfaceProbe.RunAsync(judge.Host, judge.Versions, sources, top, CancellationToken.None);
        Assert.True(probe.Interface is not null, $"{top} does not elaborate: {probe.Detail}");
        var module = probe.Interface! with { Clock = design.Clock, IsSequential = design.Clock is not null || probe.Interface!.IsSequential };
        var inputs = module.DrivenInputs;
        var rows = cycles.Select(c => inputs.Select(p => BitStrings.FromValue(c.GetValueOrDefault(p.Name), p.Width)).ToArray()).ToList();
        var run = await TraceSimulation.RunAsync(judge.Host, judge.Versions, sources, module, new Stimulus(inputs, rows),
            "known" + (reference ? "ref" : "dut"), TimeSpan.FromSeconds(60), wantVcd: false, CancellationToken.None);
        Assert.True(run.Trace.Complete, $"{top} did not simulate: {run.Report.Summary}");
        var outputs = module.Outputs.ToList();
        return [.. run.Trace.Cycles.Select(values => outputs.Select((p, i) => (p.Name, Value: Parse(values[i]))).ToDictionary(o => o.Name, o => o.Value))];
    }

    /// <summary>The value of a bit string, unsigned; an unknown bit makes it -1, which matches nothing.</summary>
    private static BigInteger Parse(string bits)
    {
        if (bits.Any(b => b is not ('0' or '1'))) return BigInteger.MinusOne;
        var value = BigInteger.Zero;
        foreach (var b in bits) value = (value << 1) | (b == '1' ? 1 : 0);
        return value;
    }

    /// <summary>A two's-complement value reduced to <paramref name="width"/> bits, as the simulation prints it.</summary>
    public static BigInteger Bits(BigInteger value, int width) => value & ((BigInteger.One << width) - 1);

    /// <summary>The signed reading of an unsigned <paramref name="width"/>-bit value.</summary>
    public static BigInteger Signed(BigInteger value, int width) => value >= BigInteger.One << (width - 1) ? value - (BigInteger.One << width) : value;
}
