using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Yosys;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>
/// The two tool limits behind false fails of the self-equivalence corpus, each on the real tools:
/// Yosys 0.23's stop at a latch in <c>always_comb</c>, and Verilator's BLKANDNBLK "Unsupported".
/// </summary>
public sealed class SelfEquivalenceToolTests : IDisposable
{
    private readonly TestHost _test = new();

    private static readonly SourceFile CaseWithoutDefault = SourceLoader.LoadOne(Path.Combine(SelfEquivalenceCorpus.Folder, "alu_case_nodefault.sv"));

    private static readonly SourceFile BlockingAndNonBlocking = SourceLoader.LoadOne(Path.Combine(SelfEquivalenceCorpus.Folder, "shift_blk_nblk.v"));

    [Fact]
    public async Task An_always_comb_case_without_a_default_elaborates_with_the_latch_simulators_run()
    {
        var probe = await InterfaceProbe.RunAsync(_test.Host, _test.Versions, [CaseWithoutDefault], "alu_case_nodefault", CancellationToken.None);

        Assert.True(probe.Interface is not null, probe.Detail);
        Assert.Equal(["op", "a", "b", "y"], probe.Interface.Ports.Select(p => p.Name));
        // y holds its value for op 3: a latch, which is state, and what the later stages must see.
        Assert.True(probe.Interface.IsSequential);
        Assert.Null(probe.Interface.Clock);
    }

    [Fact]
    public async Task An_always_comb_case_without_a_default_is_synthesised_for_ppa()
    {
        var report = await YosysSynthesis.RunAsync(_test.Host, _test.Versions, [CaseWithoutDefault], "alu_case_nodefault", liberty: null);

        Assert.True(report.Stats is not null, report.Failure?.Summary);
        Assert.Contains(report.Stats.CellsByType.Keys, type => type.Contains("DLATCH", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_always_comb_case_without_a_default_is_not_a_tool_error_against_its_copy()
    {
        var copy = SourceLoader.FromText("alu_copy.sv", SelfEquivalenceCorpus.RenameModules(CaseWithoutDefault.Text, "_copy"));
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(
            new VerifyRequest([copy], "alu_case_nodefault_copy", [CaseWithoutDefault], "alu_case_nodefault"));

        Assert.True(report.Verdict == Verdict.Pass, report.Summary);
    }

    [Fact]
    public async Task A_blocking_and_non_blocking_vector_passes_lint_and_the_judge_with_Verilators_words_as_a_warning()
    {
        var copy = SourceLoader.FromText("shift_copy.v", SelfEquivalenceCorpus.RenameModules(BlockingAndNonBlocking.Text, "_copy"));
        var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(
            new VerifyRequest([copy], "shift_blk_nblk_copy", [BlockingAndNonBlocking], "shift_blk_nblk"));

        Assert.True(report.Verdict == Verdict.Pass, report.Summary);
        Assert.Equal(StageStatus.Passed, report.Stages.Single(s => s.Stage == StageName.Lint).Status);
        Assert.Contains(report.Diagnostics, d => d.Code == "BLKANDNBLK" && d.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("BLKANDNBLK", "Unsupported: Blocked and non-blocking assignments to same variable: 'm.r'")]
    [InlineData("UNSUPPORTED", "Unsupported: Interfaced port on top level module")]
    [InlineData("", "Internal Error: V3Width.cpp:123: unexpected node")]
    [InlineData("", "\"inside\" expressions not supported yet.")]
    [InlineData("", "sorry: Case unique/unique0 qualities are ignored.")]
    public void A_tools_own_limit_is_classed_a_tool_error_never_a_design_fault(string code, string message)
    {
        var diagnostic = new Diagnostic("m.v", 3, 1, Severity.Error, code, message);
        Assert.Equal(FailureClass.ToolError, DiagnosticClassifier.Classify(diagnostic));
    }

    [Theory]
    [InlineData("a.sv:4: ERROR: Unsupported type of expression.", FailureClass.ToolError)]
    [InlineData("a.sv:4: ERROR: Non-constant range in packed struct is not supported.", FailureClass.ToolError)]
    [InlineData("a.sv:4: ERROR: syntax error, unexpected TOK_ID", FailureClass.Syntax)]
    [InlineData("ERROR: Module `adder9' referenced in module `top' in cell `u' is not part of the design.", FailureClass.UnknownModule)]
    public void What_yosys_cannot_read_is_its_own_limit_and_what_is_wrong_keeps_its_class(string message, FailureClass expected) =>
        Assert.Equal(expected, InterfaceProbe.ClassifyYosysError(message));

    [Theory]
    [InlineData("PINNOTFOUND", "Pin not found: 'c'", FailureClass.MissingPort)]
    [InlineData("", "Port 3 (c) of add8 is not a port of the module.", FailureClass.MissingPort)]
    [InlineData("", "Unable to bind wire/reg/memory `x' in `m'", FailureClass.Undeclared)]
    [InlineData("", "Cannot report: this support library is missing", FailureClass.Compile)]
    public void A_design_fault_keeps_its_class(string code, string message, FailureClass expected) =>
        Assert.Equal(expected, DiagnosticClassifier.Classify(new Diagnostic("m.v", 3, 1, Severity.Error, code, message)));

    public void Dispose() => _test.Dispose();
}
