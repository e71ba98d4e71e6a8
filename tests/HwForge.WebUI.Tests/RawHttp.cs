using System.Net.Sockets;
using System.Text;

namespace HwForge.WebUI.Tests;

/// <summary>A response as the server sent it: status and headers (names lower-cased), and the body's text.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}

/// <summary>
/// HTTP/1.1 written by hand over a socket, for what HttpClient will not send: any Host header, none at all, or a
/// request target such as <c>//elsewhere/x</c> or <c>/\elsewhere/x</c> exactly as given.
/// </summary>
public static class RawHttp
{
    public static async Task<RawResponse> GetAsync(int port, string target, string? host, params string[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var request = new StringBuilder($"GET {target} HTTP/1.1\r\n");
        if (host is not null) request.Append($"Host: {host}\r\n");
        foreach (var header in headers) request.Append(header).Append("\r\n");
        request.Append("Connection: close\r\n\r\n");
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var text = await reader.ReadToEndAsync(timeout.Token);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = (split < 0 ? text : text[..split]).Split("\r\n");
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in head.Skip(1))
            if (line.IndexOf(':') is var colon and > 0) parsed[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        return new RawResponse(int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), parsed, split < 0 ? "" : text[(split + 4)..]);
    }
}
