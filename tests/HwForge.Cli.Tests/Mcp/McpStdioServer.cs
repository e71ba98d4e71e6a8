#pragma warning disable MCP9005 // roots: deprecated by the next specification, sent by today's editors
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>
/// The real <c>hwforge mcp</c> as a child process, driven by the official C# SDK's client, in a folder of its own
/// (its working folder, and its only root) with its own HWFORGE_HOME.
/// </summary>
public sealed class McpStdioServer : IAsyncDisposable
{
    private readonly HwForgeProcess _hwforge = new();
    private readonly System.Text.StringBuilder _error = new();

    public McpClient Client { get; private set; } = null!;

    /// <summary>The workspace: the server may read here and nowhere else.</summary>
    public string Workspace => _hwforge.Files;

    public string Home => _hwforge.Home;

    /// <summary>What the server wrote to stderr so far (its log).</summary>
    public string ErrorText { get { lock (_error) return _error.ToString(); } }

    /// <summary>Waits until the server's log has a line containing <paramref name="text"/>.</summary>
    public async Task<string> WaitForLogAsync(string text, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!ErrorText.Contains(text, StringComparison.Ordinal))
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"the server never logged '{text}'; it logged:\n{ErrorText}");
            await Task.Delay(100);
        }
        return ErrorText;
    }

    /// <param name="roots">Folders the client offers as its roots (as an editor offers its open folders); null: none offered.</param>
    public static async Task<McpStdioServer> StartAsync(Func<McpStdioServer, IReadOnlyList<string>>? roots = null)
    {
        var server = new McpStdioServer();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "hwforge",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "hwforge.dll"), "mcp"],
            WorkingDirectory = server.Workspace,
            EnvironmentVariables = new Dictionary<string, string?> { ["HWFORGE_HOME"] = server.Home },
            StandardErrorLines = line => { lock (server._error) server._error.AppendLine(line); },
        });
        var options = roots is null ? null : new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                RootsHandler = (_, _) => ValueTask.FromResult(new ListRootsResult
                {
                    Roots = [.. roots(server).Select(r => new Root { Uri = new Uri(r).AbsoluteUri, Name = Path.GetFileName(r) })],
                }),
            },
        };
        server.Client = await McpClient.CreateAsync(transport, options);
        return server;
    }

    public string WriteFile(string name, string text) => _hwforge.WriteFile(name, text);

    /// <summary>Copies an example's file into the workspace, where the server may read it.</summary>
    public string CopyExample(string example, string file)
    {
        var target = Path.Combine(Workspace, example + "_" + Path.GetFileName(file));
        File.Copy(Path.Combine(Repository.Root, "examples", "rtl", example, file), target, overwrite: true);
        return target;
    }

    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments, CancellationToken cancellation = default) =>
        await Client.CallToolAsync(tool, arguments, cancellationToken: cancellation);

    /// <summary>What a call that must fail said: a tool error (isError) or a JSON-RPC error, both MCP errors an agent reads.</summary>
    public async Task<string> ErrorOf(string tool, Dictionary<string, object?> arguments)
    {
        try
        {
            var result = await CallAsync(tool, arguments);
            Assert.True(result.IsError, $"{tool} succeeded: {result.Text()}");
            return result.Text();
        }
        catch (McpException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is not null) await Client.DisposeAsync();
        _hwforge.Dispose();
    }
}

/// <summary>What a tool call returned, as the tests read it.</summary>
public static class ToolResults
{
    public static JsonElement Structured(this CallToolResult result)
    {
        Assert.False(result.IsError == true, $"tool error: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return JsonSerializer.SerializeToElement(result.StructuredContent);
    }

    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}

/// <summary>The repository's root, found from the test binaries upwards.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
