using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HwForge.Cli.Mcp;

/// <summary>
/// <c>hwforge mcp</c>: the MCP server on stdin/stdout, as editors start it. Stdout carries the protocol only:
/// logs go to stderr, and so does anything written to Console.Out by mistake.
/// </summary>
internal static class StdioMcpServer
{
    public static async Task RunAsync(McpServerSettings settings, CancellationToken cancellation)
    {
        // The transport writes to the stdout stream itself; a stray Console.WriteLine would corrupt the protocol.
        Console.SetOut(Console.Error);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHwForge(settings).WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellation);
        await host.Services.GetRequiredService<SharedToolHost>().DisposeAsync();
    }
}
