using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>
/// One design job of a batch: what to build (a request in plain words, or a spec file), with its options
/// already merged over the file's defaults. <see cref="Line"/> is where it stands in the jobs file, for messages.
/// </summary>
public sealed record BatchJob(string Id, string? Request, string? SpecPath, JobOptions Options, int Line)
{
    /// <summary>The job as the design command reads it from an options file: its options by table name, never as flags.</summary>
    public DesignJob ToDesignJob() => new() { Request = Request, SpecPath = SpecPath, Options = Options.Values };
}
