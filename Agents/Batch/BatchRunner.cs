using HwForge.Agents.Llm;

namespace HwForge.Agents.Batch;

/// <summary>What a batch ended with: every job of the file with its result (null when it did not finish).</summary>
public sealed record BatchOutcome(IReadOnlyList<BatchJob> Jobs, IReadOnlyDictionary<string, BatchResult> Results, int Skipped)
{
    public int Finished => Jobs.Count(j => Results.ContainsKey(j.Id));

    /// <summary>Jobs whose best design is proven equivalent.</summary>
    public int Verified => Count(Verdicts.Verified);

    /// <summary>Jobs whose best design is not proven but as strong as the job's <c>accept:</c>.</summary>
    public int Accepted => Count(Verdicts.Accepted);

    /// <summary>Jobs where a design passed but none is proven, and the job accepts only a proof.</summary>
    public int NotProven => Count(Verdicts.NotProven);

    /// <summary>True when every job of the file produced a verified (proven) design.</summary>
    public bool AllVerified => Verified == Jobs.Count;

    /// <summary>True when every job is verified or accepted as its <c>accept:</c> allows: the batch exits 0 only then.</summary>
    public bool AllAccepted => Verified + Accepted == Jobs.Count;

    /// <summary>True when every job that is not accepted passed without a proof: the batch exits 3, not 1.</summary>
    public bool OnlyUnproven => !AllAccepted && Verified + Accepted + NotProven == Jobs.Count;

    private int Count(string verdict) => Jobs.Count(j => Results.TryGetValue(j.Id, out var r) && r.Verdict == verdict);
}

/// <summary>
/// A batch, start to end: take the output folder (one batch process at a time), skip the jobs that already
/// have a result line, hand the rest to the executor, and write summary.md from results.jsonl, also when
/// stopped midway, so the summary always matches the results.
/// </summary>
public sealed class BatchRunner(BatchSettings settings, IBatchExecutor executor, IBatchProgress progress)
{
    public async Task<BatchOutcome> RunAsync(IReadOnlyList<BatchJob> jobs, CancellationToken cancellation)
    {
        var layout = settings.Layout.Created();
        using var batchLock = FileLock.TryTake(layout.BatchLock)
            ?? throw new IOException($"{layout.Root} is in use by another hwforge batch; wait for it to finish or stop it first.");
        var run = new BatchRun(settings with { Executor = executor.Name }, progress);
        var done = run.Results.Read();
        var pending = jobs.Where(j => !done.ContainsKey(j.Id)).ToList();
        var skipped = jobs.Count - pending.Count;
        progress.Begin(skipped);
        progress.Note(skipped == 0
            ? $"{jobs.Count} jobs, {executor.Name} executor, results in {layout.Root}"
            : $"{jobs.Count} jobs: {skipped} already finished, {pending.Count} to run ({executor.Name} executor)");
        foreach (var notice in KeyNotices(pending)) progress.Note(notice);
        try
        {
            if (pending.Count > 0) await executor.RunAsync(pending, run, cancellation);
        }
        finally
        {
            BatchSummary.Write(layout, jobs, run.Results.Read());
        }
        return new BatchOutcome(jobs, run.Results.Read(), skipped);
    }

    // A jobs file's llm_endpoint gets no key configured for another endpoint (each job's design process
    // decides that itself); say so once per endpoint here, where the user is looking.
    private static IEnumerable<string> KeyNotices(IEnumerable<BatchJob> jobs) =>
        jobs.Select(j => j.ToDesignJob()).Where(j => !j.Offline && j.Option("llm_endpoint") is not null)
            .Select(j => j.Option("llm_endpoint")!)
            .Distinct(StringComparer.Ordinal)
            .Select(endpoint => LlmSettingsResolver.KeyWithheldFrom(endpoint, Environment.GetEnvironmentVariable))
            .OfType<string>();
}
