using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// Runs tools unconfined. Only ever chosen by the user's explicit <see cref="OptionName"/>; the
/// environment is still scrubbed, so secrets stay out even here.
/// </summary>
public sealed class UnsafeNoSandbox : ISandbox
{
    public const string OptionName = "--unsafe-no-sandbox";

    public string Name => "none (UNSAFE: --unsafe-no-sandbox)";

    public bool Confines => false;

    public ToolInvocation Confine(ToolInvocation invocation)
    {
        var limits = invocation.Limits;
        var environment = new Dictionary<string, string>(SandboxEnvironment.For(invocation.Environment))
        {
            ["HOME"] = invocation.WorkingDirectory ?? Path.GetTempPath(),
        };
        return invocation with
        {
            Program = "prlimit",
            Arguments = [$"--cpu={limits.CpuSeconds}:{limits.CpuSeconds + 1}", $"--as={limits.MemoryBytes}",
                $"--fsize={limits.FileSizeBytes}", "--core=0", "--", invocation.Program, .. invocation.Arguments],
            Environment = environment,
        };
    }
}
