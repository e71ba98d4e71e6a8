using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// A candidate named like one of the judge's own files is judged like any other: sources are staged
/// in a folder of their own, so no name can overwrite a harness, a stimulus, a trace or a script, or
/// make a tool read an empty file in place of the design.
/// </summary>
public sealed class ReservedNameTests : IDisposable
{
    private readonly TestHost _test = new();

    public static TheoryData<string> InternalNames =>
    [
        "hwforge-preprocessed.v", "hwforge-canonical.v", "hwforge-harness-reference.v", HarnessWriter.StimulusFile,
        HarnessWriter.TraceFile("reference"), "hwforge-sim.vvp", "hwforge-compiled", "hwforge-netlist.json", "hwforge-interface.ys",
        FormalScript.YosysScriptFile, FormalScript.Miter, FormalScript.Model("gate"), FormalScript.ModelMap("gold"), FormalScript.Counterexample, "hwforge-formal-yosys.log",
        "hwforge-design.vcd",
    ];

    private Task<VerifyReport> VerifyAsync(string name, string design) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(
            new VerifyRequest([SourceLoader.FromText(name, design)], "add8", [SourceLoader.FromText("reference.v", JudgeFixture.Adder)], "add8"));

    [Theory]
    [MemberData(nameof(InternalNames))]
    public async Task A_forbidden_construct_in_a_file_named_like_an_internal_one_is_caught(string name)
    {
        var design = "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  initial begin : f integer h; h = $fopen(\"x\"); end\n  assign s = a - b;\nendmodule\n";
        var report = await VerifyAsync(name, design);
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.True(report.FailureClass == FailureClass.ForbiddenConstruct, report.Summary);
    }

    [Theory]
    [MemberData(nameof(InternalNames))]
    public async Task A_wrong_design_in_a_file_named_like_an_internal_one_still_fails(string name)
    {
        var report = await VerifyAsync(name, "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = a - b;\nendmodule\n");
        Assert.Equal(Verdict.Fail, report.Verdict);
        Assert.True(report.FailureClass == FailureClass.FunctionalMismatch, report.Summary);
    }

    [Theory]
    [MemberData(nameof(InternalNames))]
    public async Task A_right_design_in_a_file_named_like_an_internal_one_passes(string name)
    {
        var report = await VerifyAsync(name, "module add8(input [7:0] a, input [7:0] b, output [8:0] s);\n  assign s = b + a;\nendmodule\n");
        Assert.True(report.Passed, report.Summary);
    }

    public void Dispose() => _test.Dispose();
}
