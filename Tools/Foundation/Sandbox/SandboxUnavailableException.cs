namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>The sandbox cannot run here, so HwForge refuses to run tools; the message says how to fix it.</summary>
public sealed class SandboxUnavailableException(string problem, string fix)
    : Exception($"{problem}. HwForge runs every tool inside bubblewrap and will not run tools without it. Fix: {fix}. " +
                $"(To run tools unconfined anyway, at your own risk, pass {UnsafeNoSandbox.OptionName}.)")
{
    public string Problem { get; } = problem;

    public string Fix { get; } = fix;
}
