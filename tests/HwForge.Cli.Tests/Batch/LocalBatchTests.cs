using HwForge.ScriptedLlm;
using System.Diagnostics;
using System.Text.Json;

namespace HwForge.Cli.Tests.Batch;

[Collection(BatchCollection.Name)]
public sealed class LocalBatchTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    private string Out => Path.Combine(_hwforge.Home, "batch-out");

    [Fact]
    public async Task A_jobs_file_of_requests_and_specs_yields_a_run_folder_a_result_line_and_a_summary_row_per_job()
    {
        _hwforge.WriteFile("add4.yaml", "family: adder\nparameters: {width: 4}\n");
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            defaults: {offline: true, candidates: 1, optimize: 0, timeout: 300}
            jobs:
              - {id: add8, request: "an 8-bit adder"}
              - {id: cnt4, request: "a 4-bit counter", seed: 2}
              - {id: add4, spec: add4.yaml}
            """);

        var run = await _hwforge.RunAsync("batch", jobs, "--out", Out, "--parallel", "2", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = ResultLines(Out);
        Assert.Equal(["add4", "add8", "cnt4"], lines.Select(l => l.GetProperty("id").GetString()).Order());
        Assert.All(lines, l => Assert.Equal("verified", l.GetProperty("verdict").GetString()));
        Assert.All(lines, l => Assert.Equal("proven", l.GetProperty("assurance").GetString()));
        Assert.All(lines, l => Assert.True(l.GetProperty("areaUm2").GetDouble() > 0));
        Assert.All(lines, l => Assert.True(File.Exists(Path.Combine(Out, l.GetProperty("runFolder").GetString()!, "final", "design.v"))));
        var summary = File.ReadAllText(Path.Combine(Out, "summary.md"));
        Assert.Contains("3 of 3 jobs verified", summary);
        Assert.Contains("| add4 | verified | proven |", summary);
        Assert.Matches(@"\[3/3\] \S+ verified \d+\.\d s", run.Error); // plain progress lines when stderr is not a terminal
        using var report = JsonDocument.Parse(run.Output);
        Assert.True(report.RootElement.GetProperty("allVerified").GetBoolean());
        // Each job reached its design process as an options file, its options by name, not re-spelled as flags.
        var log = File.ReadAllText(Path.Combine(Out, "logs", "cnt4.log"));
        Assert.Contains("design --options-file", log);
        Assert.DoesNotContain("--seed", log);
        using var job = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "jobs", "cnt4.json")));
        Assert.Equal("2", job.RootElement.GetProperty("options").GetProperty("seed").GetString());
    }

    [Fact]
    public async Task A_job_that_is_not_proven_is_never_counted_verified_and_the_batch_exits_three()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            defaults: {offline: true, candidates: 1, optimize: 0, timeout: 300}
            jobs:
              - {id: proven, request: "an 8-bit adder"}
              - {id: sim, request: "an 8-bit adder", formal: off}
              - {id: ok, request: "an 8-bit adder", formal: off, accept: simulated}
            """);

        var run = await _hwforge.RunAsync("batch", jobs, "--out", Out, "--parallel", "2", "--json");

        Assert.True(run.ExitCode == 3, run.Error);
        var byId = ResultLines(Out).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal(("verified", "proven"), (byId["proven"].GetProperty("verdict").GetString(), byId["proven"].GetProperty("assurance").GetString()));
        Assert.Equal(("not-proven", "simulated"), (byId["sim"].GetProperty("verdict").GetString(), byId["sim"].GetProperty("assurance").GetString()));
        Assert.Equal(("accepted", "simulated"), (byId["ok"].GetProperty("verdict").GetString(), byId["ok"].GetProperty("assurance").GetString()));
        Assert.Contains("NOT PROVEN", byId["sim"].GetProperty("message").GetString());
        var summary = File.ReadAllText(Path.Combine(Out, "summary.md"));
        Assert.Contains("1 of 3 jobs verified (proven), 1 accepted without a proof, 1 not proven", summary);
        Assert.Contains("| sim | not-proven | simulated |", summary);
        using var report = JsonDocument.Parse(run.Output);
        Assert.Equal(1, report.RootElement.GetProperty("verified").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("notProven").GetInt32());
        Assert.False(report.RootElement.GetProperty("allAccepted").GetBoolean());
    }

    [Fact]
    public async Task A_failing_job_and_a_hanging_job_do_not_stop_the_others_and_the_exit_code_says_so()
    {
        // The hanging job waits on a model that never answers: how long a real design takes depends on the machine
        // (an 8-bit multiplier once used here finished inside its 3 s on a fast one), a model that is silent does not.
        await using var silent = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(new ScriptAnswer { DelayMs = 600_000, Text = "never sent" })));
        var jobs = _hwforge.WriteFile("jobs.yaml", $$"""
            defaults: {offline: true, candidates: 1, optimize: 0}
            jobs:
              - {id: slow, request: "an 8-bit unsigned multiplier", offline: false, llm_endpoint: "{{silent.BaseUrl}}", model: scripted, timeout: 3}
              - {id: aes, request: "an AES-128 encryption core"}
              - {id: add8, request: "an 8-bit adder"}
            """);

        var run = await _hwforge.RunAsync("batch", jobs, "--out", Out, "--parallel", "2");

        Assert.Equal(1, run.ExitCode);
        var byId = ResultLines(Out).ToDictionary(l => l.GetProperty("id").GetString()!);
        Assert.Equal("timeout", byId["slow"].GetProperty("verdict").GetString());
        Assert.True(byId["slow"].GetProperty("seconds").GetDouble() < 20, "the hanging job was not stopped at its timeout");
        Assert.Equal("error", byId["aes"].GetProperty("verdict").GetString());
        Assert.Contains("--llm-endpoint", byId["aes"].GetProperty("message").GetString()); // the design command's own advice
        Assert.Equal("verified", byId["add8"].GetProperty("verdict").GetString());
        Assert.Contains("1 of 3 jobs verified", File.ReadAllText(Path.Combine(Out, "summary.md")));
        Assert.DoesNotContain(Process.GetProcesses(), p => CommandLine(p).Contains(Path.Combine(Out, "runs", "slow"))); // its tree is gone
    }

    [Fact]
    public async Task A_batch_killed_midway_and_run_again_finishes_with_every_job_exactly_once()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            defaults: {offline: true, candidates: 1, optimize: 0, timeout: 300}
            jobs:
              - {id: add8, request: "an 8-bit adder"}
              - {id: cnt4, request: "a 4-bit counter"}
              - {id: add16, request: "a 16-bit adder"}
              - {id: cnt8, request: "an 8-bit counter"}
              - {id: add12, request: "a 12-bit adder"}
            """);
        var results = Path.Combine(Out, "results.jsonl");
        using (var batch = _hwforge.Start("batch", jobs, "--out", Out, "--parallel", "2"))
        {
            await Eventually.HappensAsync(() => File.Exists(results) && File.ReadAllLines(results).Length >= 1,
                TimeSpan.FromMinutes(3), "no job finished before the batch could be killed", batch);
            batch.Kill(entireProcessTree: true); // SIGKILL to the batch and the jobs it runs: no chance to tidy up
            await batch.WaitForExitAsync();
        }
        var before = ResultLines(Out).Count;
        Assert.InRange(before, 1, 4);

        var again = await _hwforge.RunAsync("batch", jobs, "--out", Out, "--parallel", "2");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains($"{before} already finished, {5 - before} to run", again.Error);
        var ids = ResultLines(Out).Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(["add12", "add16", "add8", "cnt4", "cnt8"], ids.Order());

        var third = await _hwforge.RunAsync("batch", jobs, "--out", Out);
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("5 already finished, 0 to run", third.Error);
        Assert.Equal(5, File.ReadAllLines(results).Length);
    }

    [Fact]
    public async Task A_design_still_running_from_an_earlier_batch_is_waited_for_and_then_resumed_not_started_twice()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            jobs:
              - {id: add8, request: "an 8-bit adder", offline: true, candidates: 1, optimize: 0, timeout: 300}
            """);
        var runFolder = Path.Combine(Out, "runs", "add8");
        // What a batch killed on its own leaves behind: its child, still designing in the job's run folder.
        using var orphan = _hwforge.Start("design", "an 8-bit adder", "--candidates", "1", "--optimize", "0", "--out", runFolder);
        await Eventually.HappensAsync(() => File.Exists(Path.Combine(runFolder, "run.json")), TimeSpan.FromMinutes(1), "the design never created its run folder", orphan);

        var run = await _hwforge.RunAsync("batch", jobs, "--out", Out);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(orphan.HasExited, "the batch did not wait for the design that held the run");
        Assert.Equal("verified", Assert.Single(ResultLines(Out)).GetProperty("verdict").GetString());
        Assert.Contains("design --resume", File.ReadAllText(Path.Combine(Out, "logs", "add8.log")));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_running_jobs_keeps_the_finished_ones_and_the_next_run_completes_the_batch()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            defaults: {offline: true, candidates: 1, optimize: 0, timeout: 300}
            jobs:
              - {id: cnt4, request: "a 4-bit counter"}
              - {id: mac16, request: "a 16-bit signed MAC with 2 pipeline stages"}
              - {id: add8, request: "an 8-bit adder"}
            """);
        var runs = Path.Combine(Out, "runs");
        using (var batch = _hwforge.Start("batch", jobs, "--out", Out, "--parallel", "1"))
        {
            await Eventually.HappensAsync(() => File.Exists(Path.Combine(runs, "mac16", "run.json")), TimeSpan.FromMinutes(2), "the long job never started", batch);
            using (var interrupt = Process.Start("kill", ["-INT", batch.Id.ToString()])) await interrupt.WaitForExitAsync(); // what Ctrl-C sends
            await batch.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
            Assert.Equal(2, batch.ExitCode);
        }
        Assert.DoesNotContain(Process.GetProcesses(), p => CommandLine(p).Contains(runs)); // no job left running
        Assert.Equal(["cnt4"], ResultLines(Out).Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("| mac16 | not run yet |", File.ReadAllText(Path.Combine(Out, "summary.md")));

        var again = await _hwforge.RunAsync("batch", jobs, "--out", Out, "--parallel", "1");

        Assert.Equal(["add8", "cnt4", "mac16"], ResultLines(Out).Select(l => l.GetProperty("id").GetString()).Order());
        // The batch completed; its exit code says how strongly (the MAC's proof may run out of time on a busy machine).
        // The long job is a pipelined 16-bit MAC (seconds of proof), so that Ctrl-C finds it running: an 8-bit
        // multiplier, proven by enumeration in a fraction of a second, could finish before the signal arrived.
        var mac16 = ResultLines(Out).Single(l => l.GetProperty("id").GetString() == "mac16");
        var proven = mac16.GetProperty("assurance").GetString() == "proven";
        Assert.Equal(proven ? "verified" : "not-proven", mac16.GetProperty("verdict").GetString());
        Assert.True(again.ExitCode == (proven ? 0 : 3), again.Error);
    }

    internal static List<JsonElement> ResultLines(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string CommandLine(Process process)
    {
        try { return File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    public void Dispose() => _hwforge.Dispose();
}
