using System.Diagnostics;
using System.Text.RegularExpressions;

namespace HwForge.Cli.Tests.Batch;

[Collection(BatchCollection.Name)]
public sealed class SlurmBatchTests(SlurmCluster cluster) : IClassFixture<SlurmCluster>, IDisposable
{
    private readonly HwForgeProcess _hwforge = new();
    private readonly SlurmCluster _cluster = cluster;

    private string Out => Path.Combine(_hwforge.Home, "batch-out");

    private string TwoJobs() => _hwforge.WriteFile("jobs.yaml", """
        defaults: {offline: true, candidates: 1, optimize: 0, timeout: 300}
        jobs:
          - {id: add8, request: "an 8-bit adder"}
          - {id: cnt4, request: "a 4-bit counter"}
        """);

    [Fact]
    public async Task On_Slurm_the_jobs_run_as_one_job_array_and_leave_the_same_result_lines_as_locally()
    {
        var run = await _hwforge.RunAsync(["batch", TwoJobs(), "--out", Out, "--executor", "slurm", "--parallel", "2"], timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = LocalBatchTests.ResultLines(Out);
        Assert.Equal(["add8", "cnt4"], lines.Select(l => l.GetProperty("id").GetString()).Order());
        Assert.All(lines, l => Assert.Equal("verified", l.GetProperty("verdict").GetString()));
        Assert.All(lines, l => Assert.Equal("slurm", l.GetProperty("executor").GetString()));
        var slurm = Path.Combine(Out, "slurm");
        Assert.Contains("#SBATCH --array=0-1%2", File.ReadAllText(Directory.GetFiles(slurm, "array-*.sh").Single()));
        Assert.Equal(2, Directory.GetFiles(slurm, "*_*.err").Length); // one output pair per array task
        Assert.Contains("submitted Slurm job array", run.Error);
        Assert.Contains("2 of 2 jobs verified", File.ReadAllText(Path.Combine(Out, "summary.md")));
    }

    [Fact]
    public async Task A_Slurm_task_cancelled_on_the_cluster_is_reported_failed_with_its_state()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            jobs:
              - {id: mul8, request: "an 8-bit unsigned multiplier", offline: true, candidates: 1, optimize: 0}
            """);
        using var batch = _hwforge.Start("batch", jobs, "--out", Out, "--executor", "slurm");
        var jobId = await SubmittedJobAsync(batch);
        await Eventually.HappensAsync(async () => (await SlurmCluster.RunAsync("squeue", "-h", "-j", jobId, "-o", "%T")).Contains("RUNNING"),
            TimeSpan.FromMinutes(1), "the array task never started");

        await SlurmCluster.RunAsync("scancel", jobId);
        await batch.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(1, batch.ExitCode);
        var line = Assert.Single(LocalBatchTests.ResultLines(Out));
        Assert.Equal("failed", line.GetProperty("verdict").GetString());
        Assert.Contains("CANCELLED", line.GetProperty("message").GetString());
        Assert.Contains($"slurm/{jobId}_0.err", line.GetProperty("message").GetString());
    }

    [Fact]
    public async Task After_an_scancel_each_task_is_reported_with_the_state_sacct_recorded_and_sacct_lists_every_task()
    {
        // --parallel 1: mul8 runs while add8 waits, so the array has a task that ran and one that never started.
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            defaults: {offline: true, candidates: 1, optimize: 0}
            jobs:
              - {id: mul8, request: "an 8-bit unsigned multiplier"}
              - {id: add8, request: "an 8-bit adder"}
            """);
        using var batch = _hwforge.Start("batch", jobs, "--out", Out, "--executor", "slurm", "--parallel", "1");
        var jobId = await SubmittedJobAsync(batch);
        await Eventually.HappensAsync(async () => (await SlurmCluster.RunAsync("squeue", "-h", "-j", jobId, "-o", "%T")).Contains("RUNNING"),
            TimeSpan.FromMinutes(1), "the first array task never started");

        await SlurmCluster.RunAsync("scancel", jobId);
        await batch.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(1, batch.ExitCode);
        var accounted = (await SlurmCluster.RunAsync("sacct", "-j", jobId, "-X", "--format=JobID,State,ExitCode", "--parsable2", "--noheader"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // A task has a line of its own ("ID_0|…"), or shares one with tasks that had no record of their own yet
        // ("ID_[0-1%1]|…"): even a task cancelled just as it started may still be in the shared one.
        Assert.True(Accounted(accounted, jobId, 0).StartsWith("CANCELLED"), string.Join('\n', accounted));
        Assert.True(Accounted(accounted, jobId, 1).StartsWith("CANCELLED"), string.Join('\n', accounted));
        var lines = LocalBatchTests.ResultLines(Out).ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("message").GetString()!);
        Assert.Equal(["add8", "mul8"], lines.Keys.Order());
        Assert.StartsWith($"Slurm task {jobId}_0 ended CANCELLED, exit ", lines["mul8"]);
        Assert.Contains("(per sacct)", lines["mul8"]);
        Assert.StartsWith($"Slurm task {jobId}_1 ended CANCELLED, exit ", lines["add8"]);
        Assert.Contains("(per sacct)", lines["add8"]);
    }

    [Fact]
    public async Task A_batch_killed_while_its_array_runs_follows_that_array_when_restarted_instead_of_submitting_again()
    {
        var jobs = TwoJobs();
        using (var batch = _hwforge.Start("batch", jobs, "--out", Out, "--executor", "slurm"))
        {
            await SubmittedJobAsync(batch);
            batch.Kill(entireProcessTree: true); // the tasks belong to slurmd, so they keep running
            await batch.WaitForExitAsync();
        }

        var again = await _hwforge.RunAsync(["batch", jobs, "--out", Out, "--executor", "slurm"], timeout: TimeSpan.FromMinutes(5));

        Assert.True(again.ExitCode == 0, again.Error);
        // Either the array was still running and was followed, or it had finished every job already.
        Assert.True(again.Error.Contains("following Slurm job") || again.Error.Contains("2 already finished"), again.Error);
        Assert.Single(File.ReadAllLines(Path.Combine(Out, "slurm", "submitted.txt")));
        Assert.Equal(["add8", "cnt4"], LocalBatchTests.ResultLines(Out).Select(l => l.GetProperty("id").GetString()).Order());
    }

    /// <summary>The state sacct gives task <paramref name="index"/> of the array, on its own line or in a shared "ID_[a-b,c%p]" one.</summary>
    private static string Accounted(IEnumerable<string> sacctLines, string jobId, int index)
    {
        foreach (var line in sacctLines)
        {
            var match = Regex.Match(line, $@"^{jobId}_(?:(\d+)|\[([\d,-]+)(?:%\d+)?\])\|([^|]*)\|");
            if (!match.Success) continue;
            var ranges = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
            if (ranges.Split(',').Select(r => r.Split('-').Select(int.Parse).ToArray()).Any(r => r[0] <= index && index <= r[^1]))
                return match.Groups[3].Value;
        }
        return $"(task {index} not in sacct)";
    }

    private async Task<string> SubmittedJobAsync(Process batch)
    {
        var submitted = Path.Combine(Out, "slurm", "submitted.txt");
        await Eventually.HappensAsync(() => File.Exists(submitted) && File.ReadAllText(submitted).Split(' ')[0].Length > 0,
            TimeSpan.FromMinutes(1), "no array was submitted within a minute", batch);
        return File.ReadAllText(submitted).Split(' ')[0];
    }

    public void Dispose() => _hwforge.Dispose();
}
