using System.Net;
using System.Net.Sockets;

namespace HwForge.Cli.Tests;

/// <summary>An address <c>serve</c> cannot listen on is one clear line and exit 2, never a stack trace.</summary>
public sealed class ServeAddressTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Serve_on_a_busy_port_names_the_port_and_suggests_another()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var run = await _hwforge.RunAsync(["serve", "--port", $"{port}"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"hwforge: port {port} on 127.0.0.1 is in use; choose another with --port N (or --port 0 for any free port)", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task Serve_on_an_ipv4_mapped_address_says_which_address_to_use()
    {
        var run = await _hwforge.RunAsync(["serve", "--port", "0", "--host", "::ffff:127.0.0.1"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("hwforge: --host ::ffff:127.0.0.1: an IPv4-mapped IPv6 address cannot be listened on; use --host 127.0.0.1", run.Error.Trim());
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
