using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Verilator;

namespace HwForge.Tools.Tests.Verilator;

/// <summary>Lint on the real Verilator: the design's errors fail it, Verilator's own limits do not.</summary>
public sealed class VerilatorLintTests : IDisposable
{
    private readonly TestHost _test = new();

    private Task<LintReport> LintAsync(string top, string text) =>
        VerilatorLint.RunAsync(_test.Host, _test.Versions, [SourceLoader.FromText($"{top}.v", text)], top);

    [Fact]
    public async Task Blocking_and_non_blocking_writes_to_one_vector_are_kept_as_Verilators_words_but_are_no_lint_error()
    {
        var report = await LintAsync("status", """
            module status(input clk, input a, input b, output [1:0] q);
              reg [1:0] r;
              always @(posedge clk) r[1] <= a ^ b;
              always @(*) r[0] = a & b;
              assign q = r;
            endmodule
            """);

        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics.Select(d => d.ToCompilerLine())));
        var unsupported = Assert.Single(report.Diagnostics, d => d.Code == "BLKANDNBLK");
        Assert.Equal(Severity.Warning, unsupported.Severity);
        Assert.StartsWith("Unsupported: Blocked and non-blocking assignments to same variable", unsupported.Message);
    }

    [Fact]
    public async Task An_old_style_delay_on_a_non_blocking_assignment_is_read_as_simulators_read_it()
    {
        // Without --timing, Verilator 5 stops here with NEEDTIMINGOPT: it wants an option, the design is fine.
        var report = await LintAsync("dly", """
            `timescale 1ns / 1ps
            module dly(input clk, input d, output reg q);
              always @(posedge clk) q <= #1 d;
            endmodule
            """);

        Assert.False(report.HasErrors, string.Join("\n", report.Diagnostics.Select(d => d.ToCompilerLine())));
        Assert.DoesNotContain(report.Diagnostics, d => d.Code is "NEEDTIMINGOPT" or "NOTIMING");
    }

    [Fact]
    public async Task A_real_error_beside_an_unsupported_construct_still_fails_lint()
    {
        var report = await LintAsync("broken", """
            module broken(input clk, input a, output [1:0] q);
              reg [1:0] r;
              always @(posedge clk) r[1] <= a;
              always @(*) r[0] = missing_net;
              assign q = r;
            endmodule
            """);

        Assert.True(report.HasErrors);
        var error = Assert.Single(report.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("missing_net", error.Message);
    }

    public void Dispose() => _test.Dispose();
}
