namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// One cacheable tool run: the invocation, the files staged for it, and the files to bring back.
/// The tool's version is part of it, so an upgraded tool never serves a stale answer.
/// </summary>
public sealed record ToolStep(string Tool, string ToolVersion, ToolInvocation Invocation)
{
    public IReadOnlyList<InputFile> Inputs { get; init; } = [];

    /// <summary>Files (relative to the work folder) to collect after the run; missing ones are simply absent.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>False for steps whose result must not be reused (a step that measures time, say).</summary>
    public bool Cacheable { get; init; } = true;
}

/// <summary>A step's run and the output files it left, and whether the cache answered it.</summary>
public sealed record StepResult(ToolRunResult Run, IReadOnlyDictionary<string, byte[]> Outputs, bool FromCache)
{
    public string? OutputText(string name) =>
        Outputs.TryGetValue(name, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : null;
}
