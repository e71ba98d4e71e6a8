namespace HwForge.Tools.Foundation.Execution;

/// <summary>Runs an invocation to completion and returns its buffered (head-and-tail) output.</summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Cancelling <paramref name="cancellation"/> kills the whole process tree at once and throws
    /// <see cref="OperationCanceledException"/>; limits end the run with a typed result instead.
    /// </summary>
    public static async Task<ToolRunResult> RunAsync(ToolInvocation invocation, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return await CommandRun.RunAsync(invocation, onChunk: null, cancellation).ConfigureAwait(false);
    }
}
