using System.Diagnostics;
using System.Text.Json;

namespace HwForge.Cli.Tests;

public sealed class DesignCommandTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Without_an_LLM_a_request_in_plain_words_yields_a_verified_design_and_a_JSON_report()
    {
        var folder = Path.Combine(_hwforge.Home, "adder-run");
        var run = await _hwforge.RunAsync("design", "an 8-bit adder", "--candidates", "2", "--optimize", "0", "--out", folder, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal("verified", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("proven", report.RootElement.GetProperty("assurance").GetString());
        Assert.Equal("adder", report.RootElement.GetProperty("family").GetString());
        Assert.Contains("the offline catalog", report.RootElement.GetProperty("strategy").GetString());
        Assert.Contains("== generate", run.Error); // progress on stderr, the result alone on stdout
        Assert.Contains("c001 … formal proven", run.Error); // each candidate's judging, step by step
        Assert.Contains("c002 … measuring (area, delay, power)", run.Error);
        Assert.True(File.Exists(Path.Combine(folder, "final", "design.v")));
        Assert.True(File.Exists(Path.Combine(folder, "report.md")));
    }

    [Fact]
    public async Task A_design_run_whose_best_is_only_simulated_exits_three_unless_accept_lowers_the_bar()
    {
        var run = await _hwforge.RunAsync("design", "an 8-bit adder", "--candidates", "1", "--optimize", "0", "--formal", "off", "--out", Path.Combine(_hwforge.Home, "sim"));
        Assert.True(run.ExitCode == 3, run.Error);
        Assert.Matches(@"^# \S+: not-proven", run.Output);
        Assert.Contains("**Not proven.**", run.Output);
        Assert.DoesNotContain("is verified", run.Output + run.Error); // neither the report nor the progress lines

        var accepted = await _hwforge.RunAsync("design", "an 8-bit adder", "--candidates", "1", "--optimize", "0", "--formal", "off",
            "--accept", "simulated", "--out", Path.Combine(_hwforge.Home, "accepted"), "--json");
        Assert.True(accepted.ExitCode == 0, accepted.Error);
        using var report = JsonDocument.Parse(accepted.Output);
        Assert.Equal("not-proven", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("simulated", report.RootElement.GetProperty("assurance").GetString());
        Assert.Equal("simulated", report.RootElement.GetProperty("accept").GetString());
        Assert.True(report.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Contains("accepted as simulated (--accept simulated): not proven", report.RootElement.GetProperty("headline").GetString());

        var bad = await _hwforge.RunAsync("design", "an 8-bit adder", "--accept", "mostly");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--accept takes bounded or simulated", bad.Error);
    }

    [Fact]
    public async Task A_request_outside_the_catalog_without_an_LLM_says_how_to_configure_one()
    {
        var run = await _hwforge.RunAsync("design", "an AES-128 encryption core");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--llm-endpoint", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task An_unreachable_LLM_endpoint_is_a_clear_error_naming_it_and_never_the_key()
    {
        var run = await _hwforge.RunAsync(["design", "a 4-bit counter", "--llm-endpoint", "http://127.0.0.1:9/v1", "--model", "m"],
            new Dictionary<string, string> { ["HWFORGE_LLM_API_KEY"] = "sk-never-shown-1234" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("127.0.0.1:9", run.Error);
        Assert.DoesNotContain("sk-never-shown-1234", run.Error + run.Output);
    }

    [Fact]
    public async Task A_killed_design_run_resumes_where_it_stopped_without_judging_a_candidate_twice()
    {
        var folder = Path.Combine(_hwforge.Home, "killed-run");
        var events = Path.Combine(folder, "events.jsonl");
        using (var process = _hwforge.Start("design", "a 16-bit adder", "--candidates", "3", "--optimize", "1", "--batch", "2", "--out", folder))
        {
            var clock = Stopwatch.StartNew();
            while (!(File.Exists(events) && (await ReadShared(events)).Contains("\"candidate-judged\"")))
            {
                Assert.False(process.HasExited, "the run ended before it could be killed");
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "no candidate was judged within two minutes");
                await Task.Delay(50);
            }
            process.Kill(entireProcessTree: true); // SIGKILL: no chance to tidy up
            await process.WaitForExitAsync();
        }

        var resumed = await _hwforge.RunAsync("design", "--resume", folder, "--json");

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var lines = (await File.ReadAllLinesAsync(events)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, e => e.GetProperty("type").GetString() == "run-resumed");
        var judged = lines.Where(e => e.GetProperty("type").GetString() == "candidate-judged").Select(e => e.GetProperty("candidate").GetString()).ToList();
        Assert.Equal(5, judged.Count);
        Assert.Equal(judged.Count, judged.Distinct().Count());
        using var report = JsonDocument.Parse(resumed.Output);
        Assert.Equal(5, report.RootElement.GetProperty("candidates").GetArrayLength());
    }

    private static async Task<string> ReadShared(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    public void Dispose() => _hwforge.Dispose();
}
