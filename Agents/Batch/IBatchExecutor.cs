namespace HwForge.Agents.Batch;

/// <summary>Runs a batch's unfinished jobs somewhere, recording each result through the <see cref="BatchRun"/>.</summary>
public interface IBatchExecutor
{
    /// <summary>"local" or "slurm", as result lines and messages name it.</summary>
    string Name { get; }

    Task RunAsync(IReadOnlyList<BatchJob> jobs, BatchRun run, CancellationToken cancellation);
}

/// <summary>What a person watching the batch is told: a job started, a job finished, a remark.</summary>
public interface IBatchProgress
{
    /// <summary>Called once, before any job runs, with the jobs finished by earlier batches.</summary>
    void Begin(int alreadyFinished);

    void Started(BatchJob job);

    void Finished(BatchResult result);

    void Note(string message);
}

/// <summary>The batch being run: its settings, its results file, and where progress goes.</summary>
public sealed class BatchRun(BatchSettings settings, IBatchProgress progress)
{
    public BatchSettings Settings { get; } = settings;

    public IBatchProgress Progress { get; } = progress;

    public ResultsLog Results { get; } = settings.Layout.Results;

    /// <summary>Writes a finished job's line, and tells the watcher, unless the job already had one.</summary>
    public void Record(BatchResult result)
    {
        if (Results.Append(result)) Progress.Finished(result);
    }
}
