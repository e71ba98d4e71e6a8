using System.Globalization;
using System.Text;

namespace HwForge.Agents.Batch;

/// <summary>
/// Runs the jobs as one Slurm job array: writes the job list and an sbatch script under <c>slurm/</c>, submits
/// it with <c>--array=0-(N-1)%P</c>, follows it with squeue while watching results.jsonl for the lines the tasks
/// write, and afterwards records a <c>failed</c> line for each task that ended without one, with its state from sacct.
/// A batch restarted while its earlier array still runs follows that array instead of submitting the jobs twice.
/// </summary>
public sealed class SlurmExecutor(int parallel) : IBatchExecutor
{
    /// <summary>How often squeue and results.jsonl are read: often enough for progress, rare enough for slurmctld.</summary>
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    private const string SubmittedFile = "submitted.txt";

    public string Name => "slurm";

    public async Task RunAsync(IReadOnlyList<BatchJob> jobs, BatchRun run, CancellationToken cancellation)
    {
        var slurm = Directory.CreateDirectory(run.Settings.Layout.Slurm).FullName;
        var seen = run.Results.Read().Keys.ToHashSet();
        foreach (var (earlier, list) in Submitted(slurm))
        {
            if (!await SlurmCommands.IsActiveAsync(earlier, cancellation)) continue;
            run.Progress.Note($"following Slurm job {earlier}, submitted by an earlier batch on this folder");
            await FollowAsync(earlier, jobs, run, seen, cancellation);
        }

        var finished = run.Results.Read();
        var remaining = jobs.Where(j => !finished.ContainsKey(j.Id)).ToList();
        if (remaining.Count == 0) return;

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        var listPath = Path.Combine(slurm, $"jobs-{stamp}.json");
        new SlurmJobList(run.Settings.Layout.Root, run.Settings.GlobalArguments, remaining).Save(listPath);
        var script = Path.Combine(slurm, $"array-{stamp}.sh");
        File.WriteAllText(script, Script(run.Settings, remaining, listPath), new UTF8Encoding(false));
        var jobId = await SlurmCommands.SubmitAsync(script, run.Settings.Layout.Root, cancellation);
        File.AppendAllText(Path.Combine(slurm, SubmittedFile), $"{jobId} {Path.GetFileName(listPath)}\n");
        run.Progress.Note($"submitted Slurm job array {jobId} ({remaining.Count} tasks, at most {parallel} at a time); task output in {slurm}");

        try
        {
            await FollowAsync(jobId, remaining, run, seen, cancellation);
        }
        catch (OperationCanceledException)
        {
            // Stopping the batch leaves the array running on the cluster; the next batch on this folder follows it.
            run.Progress.Note($"stopped following; Slurm job {jobId} keeps running (scancel {jobId} stops it)");
            throw;
        }
        await RecordSilentTasksAsync(jobId, remaining, run, cancellation);
    }

    /// <summary>The batch script: everything it needs is in the job list; the environment (HWFORGE_HOME, the LLM key) comes from sbatch's export.</summary>
    public string Script(BatchSettings settings, IReadOnlyList<BatchJob> jobs, string listPath)
    {
        var minutes = (int)Math.Ceiling(jobs.Max(j => j.Options.TimeoutOrDefault.TotalMinutes)) + 5;
        var slurm = settings.Layout.Slurm;
        return $"""
            #!/bin/bash
            #SBATCH --job-name=hwforge-batch
            #SBATCH --array=0-{jobs.Count - 1}%{parallel}
            #SBATCH --output={slurm}/%A_%a.out
            #SBATCH --error={slurm}/%A_%a.err
            #SBATCH --chdir={settings.Layout.Root}
            #SBATCH --time={minutes}
            #SBATCH --ntasks=1
            #SBATCH --export=ALL
            # Written by hwforge batch. Task N runs job N of {Path.GetFileName(listPath)} with hwforge design,
            # with the job's own timeout, and appends its line to results.jsonl.
            exec {settings.Entry.ShellCommand(["batch", "--slurm-task", listPath])}

            """;
    }

    private static async Task FollowAsync(string jobId, IReadOnlyList<BatchJob> jobs, BatchRun run, HashSet<string> seen, CancellationToken cancellation)
    {
        var ids = jobs.Select(j => j.Id).ToHashSet();
        while (true)
        {
            var active = await SlurmCommands.IsActiveAsync(jobId, cancellation);
            // Read after squeue: a task that left the queue has written its line by then.
            foreach (var result in run.Results.Read().Values.Where(r => ids.Contains(r.Id) && seen.Add(r.Id)))
                run.Progress.Finished(result);
            if (!active) return;
            await Task.Delay(PollInterval, cancellation);
        }
    }

    private static async Task RecordSilentTasksAsync(string jobId, IReadOnlyList<BatchJob> jobs, BatchRun run, CancellationToken cancellation)
    {
        var finished = run.Results.Read();
        if (jobs.All(j => finished.ContainsKey(j.Id))) return;
        var silent = Enumerable.Range(0, jobs.Count).Where(i => !finished.ContainsKey(jobs[i].Id)).ToHashSet();
        var states = await SlurmCommands.TaskStatesAsync(jobId, silent, cancellation);
        for (var index = 0; index < jobs.Count; index++)
        {
            var job = jobs[index];
            if (finished.ContainsKey(job.Id)) continue;
            var state = states.GetValueOrDefault(index);
            run.Record(new BatchResult
            {
                Id = job.Id,
                Verdict = Verdicts.Failed,
                RunFolder = BatchLayout.RelativeRunFolder(job.Id),
                Message = $"Slurm task {jobId}_{index} ended {(state is null ? "(state no longer known)" : $"{state.State}, exit {state.ExitCode} (per {state.Source})")} without a result; see slurm/{jobId}_{index}.err",
                Executor = "slurm",
            });
        }
    }

    private static IEnumerable<(string JobId, string List)> Submitted(string slurm)
    {
        var path = Path.Combine(slurm, SubmittedFile);
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadAllLines(path))
            if (line.Split(' ', 2) is [var id, var list]) yield return (id, list);
    }
}
