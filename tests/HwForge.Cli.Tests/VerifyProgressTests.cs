using HwForge.Tools.Targets.Rtl.Judge;
using System.Text.Json;

namespace HwForge.Cli.Tests;

/// <summary>verify tells its stages on stderr as each is decided, not all at once at the end; stdout keeps the report.</summary>
public sealed class VerifyProgressTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Each_stage_is_on_stderr_as_it_is_decided_and_json_stays_one_object_on_stdout()
    {
        // A 12-bit multiplier against its own behavioural reference: the proof takes a moment after lint.
        var design = _hwforge.WriteFile("mul.v", "module mul(input [11:0] a, b, output [23:0] p); assign p = a * b; endmodule\n");
        var reference = _hwforge.WriteFile("ref.v",
            "module mul(input [11:0] a, b, output reg [23:0] p); integer i; always @* begin p = 0; for (i = 0; i < 12; i = i + 1) if (b[i]) p = p + ({12'd0, a} << i); end endmodule\n");

        var (run, lines, exited) = await _hwforge.RunTimedAsync("verify", design, "--top", "mul", "--ref", reference, "--json", "--no-cache");

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(run.Output); // nothing but the report on stdout
        var reported = report.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        var stages = lines.Where(l => l.Line.StartsWith("verify: ", StringComparison.Ordinal)).ToList();
        // Every stage of the report, each told once, in the order they were decided (the proof last).
        Assert.Equal(5, reported.Count);
        Assert.Equal(reported.Order(), stages.Select(s => s.Line.Split(' ')[1]).Order());
        Assert.StartsWith("verify: formal proven (", stages[^1].Line); // said as strongly as it was shown
        Assert.All(stages, s => Assert.Matches(@"^verify: \w+ (ok|proven) \((\d+ ms|\d+\.\d s)\) at \d+\.\d s$", s.Line));
        // Told as they came: lint was on stderr before the proof had finished, and every line before the process ended.
        Assert.True(stages[0].At < stages[^1].At, $"lint at {stages[0].At}, formal at {stages[^1].At}: printed together");
        Assert.All(stages, s => Assert.True(s.At <= exited));
        Assert.DoesNotContain('\r', run.Error); // no spinner when stderr is not a terminal
    }

    [Fact]
    public async Task A_cached_verify_tells_its_stages_as_cached()
    {
        var design = _hwforge.WriteFile("inv.v", "module inv(input [3:0] a, output [3:0] y); assign y = ~a; endmodule\n");
        var reference = _hwforge.WriteFile("ref.v", "module inv(input [3:0] a, output [3:0] y); assign y = a ^ 4'hf; endmodule\n");
        await _hwforge.RunAsync("verify", design, "--top", "inv", "--ref", reference);

        var again = await _hwforge.RunAsync("verify", design, "--top", "inv", "--ref", reference);

        var stages = again.Error.Split('\n').Where(l => l.StartsWith("verify: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, stages.Count);
        Assert.All(stages, line => Assert.Contains("(cached)", line));
    }

    [Fact]
    public async Task Ppa_tells_synthesis_activity_and_timing_on_stderr_as_each_is_done()
    {
        var design = _hwforge.WriteFile("acc.v", "module acc(input clk, input [7:0] d, output reg [11:0] q); always @(posedge clk) q <= q + d; endmodule\n");

        var (run, lines, exited) = await _hwforge.RunTimedAsync("ppa", design, "--top", "acc", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using (JsonDocument.Parse(run.Output)) { }
        var steps = lines.Where(l => l.Line.StartsWith("ppa: ", StringComparison.Ordinal)).Select(l => l.Line).ToList();
        Assert.Equal(3, steps.Count);
        Assert.Matches(@"^ppa: synthesis ok \(\d+ cells, osu018\) at \d+\.\d s$", steps[0]);
        Assert.StartsWith("ppa: activity ready (", steps[1]);
        Assert.StartsWith("ppa: timing and power ok at ", steps[2]);
        Assert.All(lines, l => Assert.True(l.At <= exited));
    }

    [Theory]
    [InlineData(FormalStatus.Proven, "proven")]
    [InlineData(FormalStatus.Bounded, "bounded (not proven)")]
    public void A_formal_stage_that_passed_says_how_strongly_never_a_bare_ok(FormalStatus formal, string word)
    {
        var passed = new StageResult(StageName.Formal, StageStatus.Passed, TimeSpan.FromSeconds(1), "detail");

        Assert.Equal(word, StageWords.Of(passed, formal));
        Assert.Equal("ok", StageWords.Of(passed with { Stage = StageName.Lint }, formal));
        Assert.Equal("FAILED", StageWords.Of(passed with { Status = StageStatus.Failed }, formal));
    }

    public void Dispose() => _hwforge.Dispose();
}
