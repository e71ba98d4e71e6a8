using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Benchmarks;

/// <summary>
/// Runs steps unconfined, for measuring the tools' own time only. Benchmark-only: the product has
/// no such mode (its unconfined mode is the loudly named --unsafe-no-sandbox).
/// </summary>
public sealed class PassThroughSandbox : ISandbox
{
    public string Name => "none (benchmark baseline)";

    public bool Confines => false;

    public ToolInvocation Confine(ToolInvocation invocation) =>
        invocation with { Environment = new Dictionary<string, string>(SandboxEnvironment.For(invocation.Environment)) { ["HOME"] = invocation.WorkingDirectory! } };
}
