using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Runs tool steps: answer from the cache when the same step ran before, otherwise stage the
/// inputs into the run's own work folder, run confined, collect the outputs and remember the result.
/// Every tool run in HwForge goes through here, so every run is confined.
/// </summary>
/// <remarks>
/// Under bubblewrap every run's folder is its sandbox's own /work, staged from here; with a
/// <see cref="SandboxPool"/> a run takes a sandbox that started earlier, and otherwise starts its
/// own. Disposing the host drains the pool.
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

        // A warm sandbox is already up: its wait (if any) is HwForge's time, not the tool's. A run that
        // starts its own sandbox is on the clock from the start, as a cold run always was.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var warm = Pool is null ? null : await Pool.TakeAsync(step.Invocation, cancellation).ConfigureAwait(false);
        if (warm is not null) started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var site = warm ?? await Sandbox.OpenAsync(Home, step.Invocation, cancellation).ConfigureAwait(false);
        var run = Stage(site.Folder, step.Inputs, step.Invocation.Limits)
            ?? await site.RunAsync(step.Invocation, onChunk: null, cancellation).ConfigureAwait(false);
        RunFinished?.Invoke(new ToolRunSpan(step.Tool, started, System.Diagnostics.Stopwatch.GetElapsedTime(started), Warm: warm is not null));

        var outputs = new Dictionary<string, byte[]>();
        foreach (var name in step.Outputs)
            if (site.Folder.ReadOutput(name) is { } bytes) outputs[name] = bytes;
        var result = new StepResult(run, outputs, FromCache: false);
        // Limits depend on load and budgets, not only on the inputs, so those runs are not remembered.
        if (key is not null && run.Limit == LimitHit.None) cache!.Store(key, result);
        return result;
    }

    /// <summary>Stages the inputs; a run whose inputs alone do not fit in its /work ends there, as a disk-space limit.</summary>
    private static ToolRunResult? Stage(IWorkFolder folder, IReadOnlyList<InputFile> inputs, ResourceLimits limits)
    {
        try
        {
            foreach (var input in inputs) folder.Write(input.Name, input.Content);
            return null;
        }
        catch (IOException e) when (NativeIOException.IsNoSpace(e))
        {
            return DoesNotFit("its input files", limits);
        }
    }

    private static ToolRunResult DoesNotFit(string what, ResourceLimits limits) =>
        new(125, "", $"hwforge: {what} do not fit in the run's {limits.WorkBytes >> 20} MiB /work; nothing was run", TimeSpan.Zero, LimitHit.DiskSpace);

    /// <summary>
    /// Streams a confined run's output lines (not cached). The invocation's work folder, if any, is the
    /// caller's: under bubblewrap its files are copied into the run's /work first and what the run made
    /// or changed is copied back after (<see cref="FolderCopy"/>, reported as <see cref="WorkFolderCopiedBack"/>
    /// just before the run's end); the run itself never sees the folder.
    /// </summary>
    public async IAsyncEnumerable<ProcessEvent> StreamAsync(ToolInvocation invocation,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var folder = invocation.WorkingDirectory;
        using var site = await Sandbox.OpenAsync(Home, invocation, cancellation).ConfigureAwait(false);
        FolderCopy? copy = null;
        ToolRunResult? refused = null;
        try { copy = folder is null ? null : site.Folder.CopyIn(folder); }
        catch (IOException e) when (NativeIOException.IsNoSpace(e)) { refused = DoesNotFit($"the files of {folder}", invocation.Limits); }
        if (refused is not null)
        {
            yield return new OutputLine(refused.StandardError, IsError: true);
            yield return new ProcessExited(refused);
            yield break;
        }
        await foreach (var e in ProcessStreaming.StreamAsync((onChunk, stop) => site.RunAsync(invocation, onChunk, stop), cancellation).ConfigureAwait(false))
        {
            if (e is ProcessExited && copy is not null) yield return new WorkFolderCopiedBack(copy.Back());
            yield return e;
        }
    }

    /// <summary>Runs one invocation confined with a caller-owned work folder, as <see cref="StreamAsync"/> does (not cached).</summary>
    public async Task<ToolRunResult> RunInAsync(ToolInvocation invocation, CancellationToken cancellation = default)
    {
        ToolRunResult? result = null;
        await foreach (var e in StreamAsync(invocation, cancellation).ConfigureAwait(false))
            if (e is ProcessExited exited) result = exited.Result;
        return result!;
    }

    /// <summary>Drains the pool (sandboxes still waiting are killed) and lets the runs' cgroups finish going.</summary>
    public void Dispose()
    {
        Pool?.Dispose();
        (Sandbox as BubblewrapSandbox)?.Control.ReleaseSpare();
        RunCgroup.AwaitRemovals(TimeSpan.FromSeconds(2));
    }
}

/// <summary>
/// One confined run on the clock: its tool, its start (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and
/// its length, and whether a warm sandbox served it (its clock then starts at dispatch, not at the sandbox's start).
/// </summary>
public sealed record ToolRunSpan(string Tool, long StartTimestamp, TimeSpan Duration, bool Warm = false);
