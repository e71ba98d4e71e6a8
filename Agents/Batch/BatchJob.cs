namespace HwForge.Agents.Batch;

/// <summary>
/// One design job of a batch: what to build (a request in plain words, or a spec file), with its options
/// already merged over the file's defaults. <see cref="Line"/> is where it stands in the jobs file, for messages.
/// </summary>
public sealed record BatchJob(string Id, string? Request, string? SpecPath, JobOptions Options, int Line)
{
    /// <summary>The <c>hwforge design</c> arguments that start this job in <paramref name="runFolder"/>.</summary>
    public IReadOnlyList<string> StartArguments(string runFolder) =>
    [
        "design",
        .. Request is null ? new[] { "--spec", SpecPath! } : [Request],
        .. Options.ToDesignArguments(),
        "--out", runFolder, "--json",
    ];

    /// <summary>The arguments that continue this job's interrupted run: the run remembers its own options.</summary>
    public static IReadOnlyList<string> ResumeArguments(string runFolder) => ["design", "--resume", runFolder, "--json"];
}
