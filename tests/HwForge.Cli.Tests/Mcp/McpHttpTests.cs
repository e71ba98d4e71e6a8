using System.Net;
using ModelContextProtocol.Client;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>An agent reaches <c>hwforge mcp --http</c> with the C# SDK's streamable HTTP client, under serve's rules.</summary>
public sealed class McpHttpTests
{
    [Fact]
    public async Task An_agent_lints_and_verifies_over_streamable_HTTP_on_loopback()
    {
        await using var server = await McpHttpServer.StartAsync();
        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }));

        Assert.Contains("verify", (await client.ListToolsAsync()).Select(t => t.Name));
        server.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        var lint = (await client.CallToolAsync("lint", new Dictionary<string, object?> { ["files"] = new[] { "broken.v" } })).Structured();
        Assert.Equal(2, lint.GetProperty("diagnostics").EnumerateArray().First().GetProperty("line").GetInt32());

        var outside = await client.CallToolAsync("lint", new Dictionary<string, object?> { ["files"] = new[] { "/etc/passwd" } });
        Assert.True(outside.IsError);
        Assert.Contains("outside the folders this server may read", outside.Text());
        Assert.NotEmpty((await client.CallToolAsync("targets", new Dictionary<string, object?>())).Structured().GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_token_a_request_naming_another_host_is_refused()
    {
        await using var server = await McpHttpServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Host = "rebound.example";
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        const string token = "s3cret-token-123";
        await using var server = await McpHttpServer.StartAsync("--token", token);
        using (var anonymous = new HttpClient())
        using (var response = await anonymous.PostAsync(server.Endpoint, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.Endpoint,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }));
        Assert.Contains("lint", (await client.ListToolsAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Serving_beyond_loopback_without_a_token_is_refused_with_the_reason()
    {
        using var hwforge = new HwForgeProcess();
        var run = await hwforge.RunAsync("mcp", "--http", "--host", "0.0.0.0", "--port", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("without a token", run.Error);
    }
}
