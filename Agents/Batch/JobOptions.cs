using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>
/// The design options of one batch job by their names in <see cref="RunOptionTable"/> (the jobs-file keys), with
/// only what was said, so a job's own values can be laid over the file's <c>defaults</c> and the rest left to the
/// table's defaults; and the job's <see cref="Timeout"/>, a batch option rather than a design one.
/// </summary>
public sealed record JobOptions
{
    /// <summary>The design options that were said, already checked against the table.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Seconds the whole job may take before its process tree is killed.</summary>
    public double? Timeout { get; init; }

    /// <summary>A job without its own timeout gets an hour: twice the design command's default time limit is too generous for a sweep.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public TimeSpan TimeoutOrDefault => Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;

    public string? Value(string name) => Values.TryGetValue(name, out var value) ? value : null;

    /// <summary>This job's values, with <paramref name="defaults"/> filling what it leaves unsaid.</summary>
    public JobOptions Over(JobOptions defaults)
    {
        var values = new Dictionary<string, string>(defaults.Values, StringComparer.Ordinal);
        foreach (var (name, value) in Values) values[name] = value;
        return new JobOptions { Values = values, Timeout = Timeout ?? defaults.Timeout };
    }
}
