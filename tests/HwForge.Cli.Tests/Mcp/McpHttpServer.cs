using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>The real <c>hwforge mcp --http</c> on a free port of 127.0.0.1, its address read from what it says on stderr.</summary>
public sealed partial class McpHttpServer : IAsyncDisposable
{
    private readonly HwForgeProcess _hwforge = new();
    private readonly StringBuilder _error = new();
    private Process _process = null!;

    public Uri Endpoint { get; private set; } = null!;

    public string Workspace => _hwforge.Files;

    public string WriteFile(string name, string text) => _hwforge.WriteFile(name, text);

    public string ErrorText { get { lock (_error) return _error.ToString(); } }

    public static async Task<McpHttpServer> StartAsync(params string[] extra)
    {
        var server = new McpHttpServer();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = server.Workspace };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hwforge.dll"), "mcp", "--http", "--port", "0" }.Concat(extra)) info.ArgumentList.Add(arg);
        info.Environment["HWFORGE_HOME"] = server._hwforge.Home;
        server._process = Process.Start(info)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        server._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { listening.TrySetException(new InvalidOperationException($"hwforge mcp --http exited: {server.ErrorText}")); return; }
            lock (server._error) server._error.AppendLine(e.Data);
            if (Address().Match(e.Data) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        server._process.OutputDataReceived += (_, _) => { };
        server._process.BeginErrorReadLine();
        server._process.BeginOutputReadLine();
        server.Endpoint = await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return server;
    }

    [GeneratedRegex(@"MCP server on (http://\S+/mcp)")]
    private static partial Regex Address();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _hwforge.Dispose();
    }
}
