using HwForge.Tools;
using HwForge.Tools.Execution;
using HwForge.Tools.Sandbox;

namespace HwForge.Benchmarks;

/// <summary>What the sandbox adds to one run: <c>true</c> started directly, and inside bubblewrap with all limits.</summary>
public static class SandboxStartup
{
    /// <summary>Median extra milliseconds the sandbox adds to one run.</summary>
    public static async Task<double> MedianCostAsync(HwForgeHome home, int runs)
    {
        using var workspace = Workspace.Create(home);
        var invocation = new ToolInvocation("true", []) { WorkingDirectory = workspace.Path };
        var direct = await Measure.RunAsync("direct", 3, runs, () => ProcessRunner.RunAsync(invocation.WithEnvironment("PATH", "/usr/bin:/bin")));
        var confined = await Measure.RunAsync("bubblewrap", 3, runs, () => ProcessRunner.RunAsync(new BubblewrapSandbox().Confine(invocation)));
        return confined.Median - direct.Median;
    }

    public static async Task<string> RunAsync(HwForgeHome home, int runs)
    {
        using var workspace = Workspace.Create(home);
        var invocation = new ToolInvocation("true", []) { WorkingDirectory = workspace.Path };
        var sandbox = new BubblewrapSandbox();
        var direct = await Measure.RunAsync("direct", 5, runs, () => ProcessRunner.RunAsync(invocation.WithEnvironment("PATH", "/usr/bin:/bin")));
        var confined = await Measure.RunAsync("bubblewrap", 5, runs, () => ProcessRunner.RunAsync(sandbox.Confine(invocation)));
        return $"""
            | run of `true` | median | p90 |
            |---|---|---|
            | started directly | {direct.Median:0.0} ms | {direct.P90:0.0} ms |
            | inside the sandbox (bwrap + setpriv + prlimit, all namespaces) | {confined.Median:0.0} ms | {confined.P90:0.0} ms |
            | **sandbox start-up cost per run** | **{confined.Median - direct.Median:0.0} ms** | |
            """;
    }
}
