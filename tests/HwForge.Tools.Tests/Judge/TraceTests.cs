using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

public sealed class TraceTests
{
    [Fact]
    public void A_trace_cut_in_the_middle_of_a_line_keeps_only_whole_lines_and_is_incomplete()
    {
        // A simulation killed on timeout leaves its output cut at a 4 KiB flush boundary, mid-value:
        // "326 0x23" here is the head of "326 0x23c5a10de". Reading it would report a false mismatch.
        var text = "0 0x00000001\n1 0x00000002\n326 0x23";

        var trace = Trace.Parse(text, outputs: 1, tag: "design");

        Assert.False(trace.Complete);
        Assert.Equal(2, trace.Cycles.Count);
        Assert.Equal("0x00000002", trace.Cycles[1][0]);
    }

    [Fact]
    public void A_trace_with_its_end_marker_is_complete()
    {
        var trace = Trace.Parse($"0 0x1\n1 0x2\n{HarnessWriter.EndMarker("design")}\n", outputs: 1, tag: "design");

        Assert.True(trace.Complete);
        Assert.Equal(2, trace.Cycles.Count);
    }

    [Fact]
    public void An_end_marker_cut_short_does_not_count_as_the_end()
    {
        var marker = HarnessWriter.EndMarker("design");
        var trace = Trace.Parse($"0 0x1\n{marker[..^1]}", outputs: 1, tag: "design");

        Assert.False(trace.Complete);
    }
}
