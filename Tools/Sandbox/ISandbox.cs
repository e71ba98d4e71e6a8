using HwForge.Tools.Execution;

namespace HwForge.Tools.Sandbox;

/// <summary>
/// Turns an invocation into one that runs confined. It is a transformation of the value, so the
/// same runner executes confined and unconfined invocations alike.
/// </summary>
public interface ISandbox
{
    /// <summary>A short name for reports ("bubblewrap", "none (unsafe)").</summary>
    string Name { get; }

    /// <summary>False only for the explicitly requested unsafe mode.</summary>
    bool Confines { get; }

    /// <summary>Rewrites <paramref name="invocation"/> so that it runs inside the sandbox.</summary>
    ToolInvocation Confine(ToolInvocation invocation);
}
