using HwForge.Tools.Targets.Hls;

namespace HwForge.Tools.Tests.Targets.Hls;

/// <summary>A model's answer becomes an HLS design: the kernel from the last ```cpp block, its RTL from a ```verilog block.</summary>
public sealed class HlsAnswerTests(HlsHost fixture) : IClassFixture<HlsHost>
{
    private readonly HlsTarget _target = new(fixture.Test.Host, fixture.Test.Versions);

    [Fact]
    public void An_answer_with_a_kernel_and_its_rtl_gives_a_design_of_both_files_and_the_prompts_say_how()
    {
        const string answer = """
            Here is the kernel and its RTL.
            ```cpp
            #include "ap_int.h"
            void inc(ap_uint<4> a, ap_uint<4> &y) { y = a + 1; }
            ```
            ```verilog
            module inc(input wire ap_clk, input wire ap_rst, input wire ap_start, output wire ap_done, output wire ap_idle,
                       output wire ap_ready, input wire [3:0] a, output wire [3:0] y, output wire y_ap_vld);
              assign ap_done = ap_start; assign ap_ready = ap_start; assign ap_idle = !ap_start;
              assign y = a + 4'd1; assign y_ap_vld = ap_start;
            endmodule
            ```
            """;

        var both = _target.ReadAnswer(answer, "inc").Design!;
        var kernelOnly = _target.ReadAnswer(answer[..answer.IndexOf("```verilog", StringComparison.Ordinal)], "inc").Design!;

        Assert.Equal(["kernel.cpp", "inc.v"], both.Files.Select(f => f.FileName));
        Assert.StartsWith("module inc", both.Files[1].Text.TrimStart());
        Assert.Equal("inc", _target.TopOf(both));
        Assert.Equal(["kernel.cpp"], kernelOnly.Files.Select(f => f.FileName));
        Assert.Contains("ap_ctrl_hs", _target.Prompts.System("coder"));
        Assert.Contains("estimated", _target.Prompts.System("optimizer"));
    }
}
