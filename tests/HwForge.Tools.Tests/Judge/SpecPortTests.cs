using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Programs;

namespace HwForge.Tools.Tests.Judge;

/// <summary>A spec naming a clock or reset its reference lacks is a verdict with a reason, never an exception.</summary>
public sealed class SpecPortTests : IDisposable
{
    private readonly TestHost _test = new();

    [Fact]
    public async Task A_clock_the_reference_does_not_have_is_an_error_verdict_that_names_it()
    {
        var report = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter", r => r with { Clock = "clk_main" });

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Contains("the clock is named 'clk_main'", report.Summary);
        Assert.Contains("the reference counter has no port", report.Summary);
        Assert.Contains("clk, rst, en, q", report.Summary); // the ports it does have, to pick from
        Assert.DoesNotContain("--", report.Summary);
    }

    [Fact]
    public async Task A_reset_the_reference_does_not_have_is_an_error_verdict_that_names_it()
    {
        var report = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Counter, JudgeFixture.Counter, "counter", r => r with { Reset = "rst_n" });

        Assert.Equal(Verdict.Error, report.Verdict);
        Assert.Contains("the reset is named 'rst_n'", report.Summary);
    }

    [Fact]
    public async Task Against_a_cpp_model_a_design_without_the_specs_clock_fails_its_interface_so_it_can_be_repaired()
    {
        var model = "#include \"hwforge_model.h\"\nvoid hwforge_step(const Inputs& in, Outputs& out) { out.s = in.a + in.b; }\n";
        var report = await JudgeFixture.VerifyAsync(_test, JudgeFixture.Adder, JudgeFixture.Adder, "add8",
            r => r with { Reference = [], ReferenceModel = SourceLoader.FromText("model.cpp", model), Clock = "clk" });

        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.Equal(StageName.Interface, report.DecidedBy);
        Assert.Equal(FailureClass.MissingPort, report.FailureClass);
        Assert.Contains("the design add8 has no port", report.Summary);
    }

    [Fact]
    public async Task The_reference_check_says_why_a_reference_cannot_be_judged_against_before_any_candidate()
    {
        IReadOnlyList<SourceFile> reference = [SourceLoader.FromText("reference.v", JudgeFixture.Counter)];

        Assert.Null(await ReferenceCheck.ProblemAsync(_test.Host, _test.Versions, reference, "counter", "clk", "rst", default));
        Assert.Contains("the clock is named 'tick'", await ReferenceCheck.ProblemAsync(_test.Host, _test.Versions, reference, "counter", "tick", null, default));
        Assert.Contains("does not elaborate with top cnt", await ReferenceCheck.ProblemAsync(_test.Host, _test.Versions, reference, "cnt", null, null, default));
        Assert.Contains("not a plain Verilog module name", await ReferenceCheck.ProblemAsync(_test.Host, _test.Versions, reference, "my counter", null, null, default));
    }

    [Fact]
    public void A_top_that_is_not_a_module_name_is_invalid_input()
    {
        var error = Assert.Throws<HwForgeException>(() => VerilogNames.RequireTop("a; b"));
        Assert.Equal(ProblemKind.InvalidInput, error.Kind);
    }

    public void Dispose() => _test.Dispose();
}
