using HwForge.Tools.Caching;
using HwForge.Tools.Sandbox;

namespace HwForge.Tools.Execution;

/// <summary>
/// Runs tool steps: answer from the cache when the same step ran before, otherwise stage the
/// inputs into a fresh work folder, run confined, collect the outputs and remember the result.
/// Every tool run in HwForge goes through here, so every run is confined.
/// </summary>
public sealed class ToolHost(ISandbox sandbox, HwForgeHome home, ContentCache? cache)
{
    /// <summary>Whole-report answers (a verification, say), beside the step cache; null when caching is off.</summary>
    public ReportCache? Reports { get; } = cache is null ? null : new ReportCache(Path.Combine(cache.Root, "reports"));

    public ISandbox Sandbox { get; } = sandbox;

    public HwForgeHome Home { get; } = home;

    /// <summary>Told of every confined run as it ends (not of cache hits): its tool, start and length. For timelines and benchmarks.</summary>
    public event Action<ToolRunSpan>? RunFinished;

    /// <summary>The usual host: the chosen sandbox, <c>$HWFORGE_HOME</c>, and its cache.</summary>
    public static async Task<ToolHost> CreateAsync(bool unsafeNoSandbox = false, bool useCache = true)
    {
        var home = HwForgeHome.FromEnvironment();
        var sandbox = await SandboxProbe.ChooseAsync(unsafeNoSandbox).ConfigureAwait(false);
        return new ToolHost(sandbox, home, useCache ? new ContentCache(home.Cache) : null);
    }

    public async Task<StepResult> RunAsync(ToolStep step, CancellationToken cancellation = default)
    {
        var key = step.Cacheable && cache is not null ? CacheKey.For(step) : null;
        if (key is not null && cache!.TryGet(key) is { } hit) return hit;

        using var workspace = Workspace.Create(Home);
        foreach (var input in step.Inputs) workspace.Write(input.Name, input.Content);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = await ProcessRunner.RunAsync(
            Sandbox.Confine(step.Invocation.WithWorkingDirectory(workspace.Path)), cancellation).ConfigureAwait(false);
        RunFinished?.Invoke(new ToolRunSpan(step.Tool, started, System.Diagnostics.Stopwatch.GetElapsedTime(started)));

        var outputs = new Dictionary<string, byte[]>();
        foreach (var name in step.Outputs)
            if (workspace.ReadOutput(name) is { } bytes) outputs[name] = bytes;
        var result = new StepResult(run, outputs, FromCache: false);
        // Limits depend on load and budgets, not only on the inputs, so those runs are not remembered.
        if (key is not null && run.Limit == LimitHit.None) cache!.Store(key, result);
        return result;
    }

    /// <summary>Streams a confined run's output lines (not cached); the work folder is the caller's.</summary>
    public IAsyncEnumerable<ProcessEvent> StreamAsync(ToolInvocation invocation, CancellationToken cancellation = default) =>
        ProcessStreaming.StreamAsync(Sandbox.Confine(invocation), cancellation);

    /// <summary>Runs one invocation confined in a caller-owned work folder (not cached).</summary>
    public Task<ToolRunResult> RunInAsync(ToolInvocation invocation, CancellationToken cancellation = default) =>
        ProcessRunner.RunAsync(Sandbox.Confine(invocation), cancellation);
}

/// <summary>One confined run on the clock: its tool, its start (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and its length.</summary>
public sealed record ToolRunSpan(string Tool, long StartTimestamp, TimeSpan Duration);
