using HwForge.Tools.Foundation.Execution;

namespace HwForge.Cli.Mcp;

/// <summary>
/// The one sandboxed host every tool call of a server shares (its pool of warm sandboxes and its cache), made on
/// the first call rather than at start-up: a machine without a working sandbox still answers initialize and
/// tools/list, and each call then says, as a tool error, what the CLI would say.
/// </summary>
internal sealed class SharedToolHost(McpServerSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ToolHost? _host;

    public async Task<ToolHost> GetAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation);
        try
        {
            // A failure is not kept: the sandbox may be fixed while the editor keeps the server running.
            return _host ??= await ToolHost.CreateAsync(settings.UnsafeNoSandbox, useCache: settings.UseCache, pooled: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _host?.Dispose();
        return ValueTask.CompletedTask;
    }
}
