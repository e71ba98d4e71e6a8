using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

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

    /// <summary>
    /// Makes the place <paramref name="invocation"/> runs in: a folder for its files and a way to run
    /// it there. By default a folder on the host (the invocation's own folder, or a fresh scratch
    /// folder) where <see cref="Confine"/>d invocations run; bubblewrap starts a sandbox with a
    /// folder of its own instead, so a run's files have to be staged in and read back.
    /// </summary>
    internal Task<IRunSite> OpenAsync(HwForgeHome home, ToolInvocation invocation, CancellationToken cancellation) =>
        Task.FromResult<IRunSite>(new HostFolderSite(this,
            invocation.WorkingDirectory is { } folder ? Workspace.Borrow(folder) : Workspace.Create(home)));
}
