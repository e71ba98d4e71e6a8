using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using HwForge.WebUI;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge serve</c>: the web chat on 127.0.0.1 by default. Any other address needs a token (--token or
/// HWFORGE_TOKEN) that every request must carry; without one the server refuses to start and says why. Without
/// a token only requests naming 127.0.0.1, localhost or [::1] in their Host header are answered.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (0: any free port)", DefaultValueFactory = _ => WebUiOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "Address to listen on; beyond loopback a token is required", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"Secret every request must carry (or {WebUiOptions.TokenVariable}); open the UI once with ?token=T" };
        var defaults = new WebUiOptions();
        var maxRuns = new Option<int>("--max-runs") { Description = "Runs the server works on at once, all sessions together", DefaultValueFactory = _ => defaults.MaxRunsPerServer };
        var maxPerSession = new Option<int>("--max-runs-per-session") { Description = "Runs one browser session may have going at once", DefaultValueFactory = _ => defaults.MaxRunsPerSession };
        var command = new Command("serve", "Serve the web chat: converse with the agents, watch each step live, inspect code, verification and PPA")
        {
            port, host, token, maxRuns, maxPerSession,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            CheckAddress(parse.GetValue(host)!, parse.GetValue(port));
            var options = new WebUiOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                Token = parse.GetValue(token) ?? (Environment.GetEnvironmentVariable(WebUiOptions.TokenVariable) is { Length: > 0 } t ? t : null),
                UnsafeNoSandbox = parse.GetValue(CommonOptions.UnsafeNoSandbox),
                UseCache = !parse.GetValue(CommonOptions.NoCache),
                MaxRunsPerServer = parse.GetValue(maxRuns),
                MaxRunsPerSession = parse.GetValue(maxPerSession),
            };
            await WebUiApp.RunAsync(options, parse.InvocationConfiguration.Output, cancellation);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Refuses, in one line, an address the server could not listen on, before the web host starts: its own
    /// failure is logged with a stack trace.
    /// </summary>
    private static void CheckAddress(string host, int port)
    {
        if (port is < 0 or > 65535) throw new ArgumentException($"--port {port}: a port is 0 (any free port) to 65535");
        var text = host.Trim('[', ']');
        IPAddress? address = text.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(text, out var parsed) ? parsed : null;
        if (address is null) return;
        if (address.IsIPv4MappedToIPv6)
            throw new ArgumentException($"--host {host}: an IPv4-mapped IPv6 address cannot be listened on; use --host {address.MapToIPv4()}");
        if (port == 0) return;
        try
        {
            using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ArgumentException($"port {port} on {host} is in use; choose another with --port N (or --port 0 for any free port)");
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.InvalidArgument)
        {
            throw new ArgumentException($"--host {host}: this machine cannot listen on that address ({e.Message})");
        }
    }
}
