using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace HwForge.Cli.Mcp;

/// <summary>
/// <c>hwforge mcp</c>: the MCP server on stdin/stdout, as editors start it. Stdout carries the protocol only:
/// logs go to stderr, and so does anything written to Console.Out or to file descriptor 1 by mistake.
/// </summary>
internal static class StdioMcpServer
{
    public static async Task RunAsync(McpServerSettings settings, CancellationToken cancellation)
    {
        // A stray Console.WriteLine, or native code or a child process writing to descriptor 1, would corrupt the
        // protocol: the transport writes to a copy of stdout of its own, and descriptor 1 becomes stderr.
        var protocol = new SafeFileHandle(dup(1), ownsHandle: true);
        if (protocol.IsInvalid || dup2(2, 1) < 0)
            throw new IOException($"hwforge mcp: could not set stdout aside for the protocol (errno {Marshal.GetLastPInvokeError()})");
        Console.SetOut(Console.Error);
        await using var output = new FileStream(protocol, FileAccess.Write, bufferSize: 0);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddHwForge(settings).WithStreamServerTransport(Console.OpenStandardInput(), output);
        using var host = builder.Build();
        await host.RunAsync(cancellation);
        await host.Services.GetRequiredService<SharedToolHost>().DisposeAsync();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int dup(int descriptor);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int from, int to);
}
