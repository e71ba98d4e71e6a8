using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge.Formal;

/// <summary>
/// Combinational pairs SAT cannot settle in the budget are proven for every input: a 16×12 array multiplier
/// against another structure (28 input bits: past 24, algebraic rewriting of the product word goes first, and
/// enumerating all 2^28 patterns is what is left when it cannot decide), and a bug on one pattern in 2^28 that
/// random simulation misses is found, replayed and failed.
/// </summary>
public sealed class ExhaustiveProofTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    private static string Example(string file) => File.ReadAllText(Path.Combine(Repository.Examples, "mult16x12", file));

    [Fact]
    public async Task A_multiplier_sat_cannot_settle_is_proven_for_every_input()
    {
        var report = await VerifyAsync(Example("equiv.v"));
        Assert.True(report.Verified, report.Summary);
        Assert.Equal(FormalStatus.Proven, report.Formal.Status);
        Assert.Contains("proven for all inputs by algebraic rewriting", report.Formal.Detail);
    }

    [Fact]
    public async Task A_difference_on_one_input_pattern_in_2_to_the_28_is_found_and_replayed()
    {
        // Wrong on a = 16'hBEEF, b = 12'h123 only: 1000 random vectors miss it (a chance of 4 in a million).
        var design = Example("ref.v").Replace("module mult16x12", "module mult16x12_inner")
            + "module mult16x12(input wire [15:0] a, input wire [11:0] b, output wire [27:0] p);\n"
            + "  wire [27:0] q;\n  mult16x12_inner m(.a(a), .b(b), .p(q));\n"
            + "  assign p = (a == 16'hBEEF && b == 12'h123) ? 28'd0 : q;\nendmodule\n";
        var report = await VerifyAsync(design);
        Assert.True(report.Verdict == Verdict.Fail, report.Summary);
        Assert.Equal(StageName.Formal, report.DecidedBy);
        Assert.Contains("found inputs for which output", report.Formal.Detail);
        Assert.NotNull(report.Formal.Counterexample);
        // The replay in simulation shows the difference on exactly that pattern.
        Assert.Equal($"0x{0xBEEF * 0x123:x}", report.FirstMismatch!.Expected);
        Assert.Equal("0x0", report.FirstMismatch.Actual);
    }

    /// <summary>2^28 patterns take 3 to 20 s on two cores, depending on the load; the budget leaves room for a busy machine.</summary>
    private Task<VerifyReport> VerifyAsync(string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(
            [SourceLoader.FromText("design.v", design)], "mult16x12", [SourceLoader.FromText("ref.v", Example("ref.v"))], "mult16x12")
        {
            FormalTimeout = TimeSpan.FromSeconds(120),
            SimulationTimeout = TimeSpan.FromSeconds(120),
        });

    public void Dispose() => _test.Dispose();
}
