using System.Threading.Channels;

namespace HwForge.Agents.Batch;

/// <summary>
/// Runs jobs on this machine, at most <c>parallel</c> at a time, in the order of the jobs file. Each job is a
/// process of its own with its own timeout, so one that fails or hangs costs only its own slot.
/// </summary>
public sealed class LocalExecutor(int parallel) : IBatchExecutor
{
    public string Name => "local";

    public async Task RunAsync(IReadOnlyList<BatchJob> jobs, BatchRun run, CancellationToken cancellation)
    {
        var queue = Channel.CreateUnbounded<BatchJob>();
        foreach (var job in jobs) queue.Writer.TryWrite(job);
        queue.Writer.Complete();
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(parallel, jobs.Count))).Select(async _ =>
        {
            await foreach (var job in queue.Reader.ReadAllAsync(cancellation))
            {
                run.Progress.Started(job);
                run.Record(await RunOneAsync(job, run.Settings, cancellation));
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>One job, with anything unexpected (hwforge cannot even start) made that job's error, not the batch's.</summary>
    public static async Task<BatchResult> RunOneAsync(BatchJob job, BatchSettings settings, CancellationToken cancellation)
    {
        try
        {
            return await JobRunner.RunAsync(job, settings, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new BatchResult
            {
                Id = job.Id,
                Verdict = Verdicts.Error,
                RunFolder = BatchLayout.RelativeRunFolder(job.Id),
                Message = $"could not run hwforge design: {e.Message}",
                Executor = settings.Executor,
            };
        }
    }
}
