using HwForge.Tools.Caching;
using HwForge.Tools.Sandbox;

namespace HwForge.Tools.Execution;

/// <summary>
/// Runs tool steps: answer from the cache when the same step ran before, otherwise stage the
/// inputs into a fresh work folder, run confined, collect the outputs and remember the result.
/// Every tool run in HwForge goes through here, so every run is confined.
/// </summary>
/// <remarks>
/// With a <see cref="SandboxPool"/> (bubblewrap only), a run takes a sandbox that started earlier
/// and stages its inputs into that sandbox's own folder; disposing the host drains the pool.
/// </remarks>
public sealed class ToolHost(ISandbox sandbox, HwForgeHome home, ContentCache? cache, int poolSize = 0) : IDisposable
{
    /// <summary>Whole-report answers (a verification, say), beside the step cache; null when caching is off.</summary>
    public ReportCache? Reports { get; } = cache is null ? null : new ReportCache(Path.Combine(cache.Root, "reports"));

    public ISandbox Sandbox { get; } = sandbox;

    public HwForgeHome Home { get; } = home;

    /// <summary>Sandboxes started ahead of need, or null when runs start cold (no pool asked for, or no bubblewrap).</summary>
    public SandboxPool? Pool { get; } = poolSize > 0 && sandbox is BubblewrapSandbox bubblewrap ? new SandboxPool(bubblewrap, home, poolSize) : null;

    /// <summary>Told of every confined run as it ends (not of cache hits): its tool, start and length. For timelines and benchmarks.</summary>
    public event Action<ToolRunSpan>? RunFinished;

    /// <summary>The usual host: the chosen sandbox, <c>$HWFORGE_HOME</c>, and its cache.</summary>
    /// <param name="pooled">Keep warm sandboxes (sized by <see cref="SandboxPool.SizeVariable"/>): worth it for work of several runs, like a verification.</param>
    public static async Task<ToolHost> CreateAsync(bool unsafeNoSandbox = false, bool useCache = true, bool pooled = false)
    {
        var home = HwForgeHome.FromEnvironment();
        // The probe runs first and cold: a pool is only ever made of a sandbox that was shown to work.
        var sandbox = await SandboxProbe.ChooseAsync(unsafeNoSandbox).ConfigureAwait(false);
        return new ToolHost(sandbox, home, useCache ? new ContentCache(home.Cache) : null, pooled ? SandboxPool.ConfiguredSize() : 0);
    }

    public async Task<StepResult> RunAsync(ToolStep step, CancellationToken cancellation = default)
    {
        var key = step.Cacheable && cache is not null ? CacheKey.For(step) : null;
        if (key is not null && cache!.TryGet(key) is { } hit) return hit;

        // A warm sandbox's folder is already its /work: the inputs are staged straight into it.
        using var warm = Pool is null ? null : await Pool.TakeAsync(step.Invocation, cancellation).ConfigureAwait(false);
        using var cold = warm is null ? Workspace.Create(Home) : null;
        var workspace = warm?.Workspace ?? cold!;
        foreach (var input in step.Inputs) workspace.Write(input.Name, input.Content);
        var invocation = step.Invocation.WithWorkingDirectory(workspace.Path);
        // The clock starts here, after any wait for a warm sandbox: that wait is HwForge's time, not the tool's.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = warm is not null
            ? await warm.RunAsync(invocation, cancellation).ConfigureAwait(false)
            : await ProcessRunner.RunAsync(Sandbox.Confine(invocation), cancellation).ConfigureAwait(false);
        RunFinished?.Invoke(new ToolRunSpan(step.Tool, started, System.Diagnostics.Stopwatch.GetElapsedTime(started), Warm: warm is not null));

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

    /// <summary>Drains the pool: sandboxes still waiting are killed and their folders deleted.</summary>
    public void Dispose() => Pool?.Dispose();
}

/// <summary>
/// One confined run on the clock: its tool, its start (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and
/// its length, and whether a warm sandbox served it (its clock then starts at dispatch, not at the sandbox's start).
/// </summary>
public sealed record ToolRunSpan(string Tool, long StartTimestamp, TimeSpan Duration, bool Warm = false);
