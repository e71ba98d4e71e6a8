namespace HwForge.Agents.Batch;

/// <summary>
/// Where a batch keeps things under its output folder: <c>runs/ID/</c> (each job's run folder),
/// <c>logs/ID.log</c> (each job's progress output), <c>jobs/ID.json</c> (what each
/// job's design process is given), <c>slurm/</c> (scripts, job lists, per-task output),
/// <c>results.jsonl</c> and <c>summary.md</c>.
/// </summary>
public sealed record BatchLayout(string Root)
{
    public const string SummaryFile = "summary.md";

    public static BatchLayout At(string folder) => new(Path.GetFullPath(folder));

    public string Runs => Path.Combine(Root, "runs");

    public string Logs => Path.Combine(Root, "logs");

    public string Slurm => Path.Combine(Root, "slurm");

    public ResultsLog Results => new(Path.Combine(Root, ResultsLog.FileName));

    public string Summary => Path.Combine(Root, SummaryFile);

    /// <summary>Held by the one batch process working on this folder (Slurm tasks do not take it).</summary>
    public string BatchLock => Path.Combine(Root, ".batch.lock");

    public string RunFolder(string id) => Path.Combine(Runs, id);

    /// <summary>The run folder as results.jsonl names it: relative, so the output folder can be moved.</summary>
    public static string RelativeRunFolder(string id) => $"runs/{id}";

    public string LogFile(string id) => Path.Combine(Logs, id + ".log");

    /// <summary>The job as its design process reads it (<c>hwforge design --options-file</c>).</summary>
    public string JobFile(string id) => Path.Combine(Root, "jobs", id + ".json");

    public BatchLayout Created()
    {
        foreach (var folder in new[] { Root, Runs, Logs }) Directory.CreateDirectory(folder);
        return this;
    }
}
