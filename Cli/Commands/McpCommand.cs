using System.CommandLine;
using HwForge.Cli.Mcp;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge mcp [--http [--port P] [--host ADDR] [--token T]]</c>: HwForge's tools for coding agents over the Model
/// Context Protocol, on stdio (as editors start it) or as streamable HTTP on 127.0.0.1, under the same token rules as
/// <c>serve</c> for any other address.
/// </summary>
public static class McpCommand
{
    public const int DefaultPort = 5081;

    public static Command Create()
    {
        var http = new Option<bool>("--http") { Description = "Serve streamable HTTP at http://127.0.0.1:PORT/mcp instead of stdio" };
        var port = new Option<int>("--port") { Description = "Port for --http (0: any free port)", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "Address for --http; beyond loopback a token is required", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"Secret every HTTP request must carry as 'Authorization: Bearer T' (or {HwForge.WebUI.WebUiOptions.TokenVariable})" };
        var command = new Command("mcp", "Serve lint, verify, verify_target (HLS, CUDA), ppa, design, kb_search and targets to coding agents over MCP (stdio, or --http)")
        {
            http, port, host, token,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var settings = new McpServerSettings(parse.GetValue(CommonOptions.UnsafeNoSandbox), !parse.GetValue(CommonOptions.NoCache), Environment.CurrentDirectory);
            if (!parse.GetValue(http))
            {
                foreach (var flag in new Option[] { port, host, token })
                    if (parse.GetResult(flag) is { Implicit: false }) throw new ArgumentException($"{flag.Name} is for --http; the stdio server takes none");
                await StdioMcpServer.RunAsync(settings, cancellation);
                return ExitCodes.Ok;
            }
            var secret = parse.GetValue(token) ?? (Environment.GetEnvironmentVariable(HwForge.WebUI.WebUiOptions.TokenVariable) is { Length: > 0 } t ? t : null);
            await HttpMcpServer.RunAsync(settings, parse.GetValue(host)!, parse.GetValue(port), secret, parse.InvocationConfiguration.Error, cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
