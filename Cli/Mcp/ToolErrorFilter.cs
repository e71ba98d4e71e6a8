using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp;

/// <summary>
/// Every tool call's expected failures (a missing file, a bad option, no sandbox) become MCP tool errors worded as
/// the CLI words them, once for every tool, and the server goes on serving. A cancelled call is left to the SDK,
/// which answers nothing, as the protocol asks.
/// </summary>
internal static class ToolErrorFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (context, cancellation) =>
        {
            try
            {
                return await next(context, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is McpException || CliApp.Explain(e) is not null)
            {
                var message = e is McpException ? e.Message : CliApp.Explain(e)!;
                Console.Error.WriteLine($"hwforge mcp: {context.Params?.Name}: {message}");
                return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"hwforge: {message}" }] };
            }
        };
}
