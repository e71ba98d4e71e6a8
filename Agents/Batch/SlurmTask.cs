using HwForge.Tools.Foundation;
namespace HwForge.Agents.Batch;

/// <summary>
/// One Slurm array task (<c>hwforge batch --slurm-task LIST</c>): picks its job by SLURM_ARRAY_TASK_ID and runs
/// it exactly as the local executor does, writing the same result line. Exit 0 once the job has its line, whatever
/// the verdict, so that a FAILED task in Slurm always means the task itself broke.
/// </summary>
public static class SlurmTask
{
    public static async Task<int> RunAsync(string listPath, string? taskId, CancellationToken cancellation)
    {
        var list = SlurmJobList.Load(listPath);
        if (!int.TryParse(taskId, out var index) || index < 0 || index >= list.Jobs.Count)
            throw new HwForgeException(ProblemKind.InvalidInput, $"a Slurm array task needs SLURM_ARRAY_TASK_ID between 0 and {list.Jobs.Count - 1}, got '{taskId}'");
        var job = list.Jobs[index];
        var settings = new BatchSettings(new BatchLayout(list.Root).Created(), HwForgeEntry.Current())
        {
            GlobalArguments = list.GlobalArguments,
            Executor = "slurm",
        };
        var results = settings.Layout.Results;
        if (results.Read().ContainsKey(job.Id))
        {
            Console.Error.WriteLine($"{job.Id}: already finished, nothing to do");
            return 0;
        }
        var result = await LocalExecutor.RunOneAsync(job, settings, cancellation);
        results.Append(result);
        Console.Error.WriteLine($"{job.Id}: {result.Verdict} in {result.Seconds:0.0} s{(result.Message is null ? "" : $" ({result.Message})")}");
        return 0;
    }
}
