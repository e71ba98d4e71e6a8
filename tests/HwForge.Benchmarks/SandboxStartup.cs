using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Benchmarks;

/// <summary>
/// What the sandbox adds to one run of <c>true</c>: started cold (bubblewrap with all limits), and
/// handed to a warm sandbox that is already up, already the run's user and under its limits (the
/// waiting shell reads the command and execs <c>true</c>).
/// </summary>
public static class SandboxStartup
{
    /// <summary>Median extra milliseconds the sandbox adds to one run, cold and warm.</summary>
    public static async Task<StartupCosts> MedianCostsAsync(HwForgeHome home, int runs)
    {
        var (direct, cold, warm) = await MeasureAsync(home, 3, runs);
        return new StartupCosts(cold.Median - direct.Median, warm.Median - direct.Median);
    }

    /// <summary>Median extra milliseconds a cold sandbox adds to one run.</summary>
    public static async Task<double> MedianCostAsync(HwForgeHome home, int runs) => (await MedianCostsAsync(home, runs)).ColdMs;

    public static async Task<string> RunAsync(HwForgeHome home, int runs)
    {
        var (direct, cold, warm) = await MeasureAsync(home, 5, runs);
        return $"""
            | run of `true` | median | p90 |
            |---|---|---|
            | started directly | {direct.Median:0.0} ms | {direct.P90:0.0} ms |
            | in a sandbox started cold (bwrap + setpriv + prlimit, all namespaces) | {cold.Median:0.0} ms | {cold.P90:0.0} ms |
            | in a warm sandbox (already past bwrap, setpriv and prlimit), from sending the command: the waiting shell reads it and execs | {warm.Median:0.0} ms | {warm.P90:0.0} ms |
            | **sandbox cost per run, cold** | **{cold.Median - direct.Median:0.0} ms** | |
            | **sandbox cost per run, warm** | **{warm.Median - direct.Median:0.0} ms** | |
            """;
    }

    private static async Task<(Sample Direct, Sample Cold, Sample Warm)> MeasureAsync(HwForgeHome home, int warmup, int runs)
    {
        using var workspace = Workspace.Create(home);
        var invocation = new ToolInvocation("true", []) { WorkingDirectory = workspace.Path };
        var sandbox = new BubblewrapSandbox();
        var direct = await Measure.RunAsync("direct", warmup, runs, () => ProcessRunner.RunAsync(invocation.WithEnvironment("PATH", "/usr/bin:/bin")));
        var cold = await Measure.RunAsync("bubblewrap", warmup, runs, () => ProcessRunner.RunAsync(sandbox.Confine(invocation)));
        return (direct, cold, await WarmAsync(home, warmup, runs));
    }

    /// <summary>
    /// Each run waits (off the clock) for the pool to be up, then is timed exactly as the verify
    /// timeline times a warm run: from handing over the command to the sandbox's end.
    /// </summary>
    private static async Task<Sample> WarmAsync(HwForgeHome home, int warmup, int runs)
    {
        using var host = new ToolHost(new BubblewrapSandbox(), home, null, poolSize: 1);
        var spans = new List<ToolRunSpan>();
        host.RunFinished += spans.Add;
        var step = new ToolStep("true", "bench", new ToolInvocation("true", [])) { Cacheable = false };
        for (var i = 0; i < warmup + runs; i++)
        {
            await host.Pool!.WhenWarmAsync();
            await host.RunAsync(step);
        }
        if (spans.Any(s => !s.Warm)) throw new InvalidOperationException("a run meant to be warm started cold");
        return new Sample("warm", [.. spans.Skip(warmup).Select(s => s.Duration.TotalMilliseconds)]);
    }
}
