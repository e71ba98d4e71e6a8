using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>The place one run happens in: its folder, then the run itself. Disposing it ends both.</summary>
internal interface IRunSite : IDisposable
{
    /// <summary>Where the run's inputs go before <see cref="RunAsync"/> and its outputs are read from after.</summary>
    IWorkFolder Folder { get; }

    /// <summary>Runs <paramref name="invocation"/>, once; <paramref name="onChunk"/> sees each piece of output as it comes.</summary>
    Task<ToolRunResult> RunAsync(ToolInvocation invocation, Action<bool, ReadOnlyMemory<byte>>? onChunk, CancellationToken cancellation);
}

/// <summary>A run in a folder on the host, under a sandbox that only transforms invocations (the unsafe mode, benchmarks).</summary>
internal sealed class HostFolderSite(ISandbox sandbox, Workspace workspace) : IRunSite
{
    public IWorkFolder Folder => workspace;

    public async Task<ToolRunResult> RunAsync(ToolInvocation invocation, Action<bool, ReadOnlyMemory<byte>>? onChunk, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return await CommandRun.RunAsync(sandbox.Confine(invocation.WithWorkingDirectory(workspace.Path)), onChunk, cancellation).ConfigureAwait(false);
    }

    public void Dispose() => workspace.Dispose();
}
