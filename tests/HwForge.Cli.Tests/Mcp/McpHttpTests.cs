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
    public async Task Over_HTTP_a_faulty_design_gives_its_mismatch_a_design_reports_progress_and_one_can_be_cancelled()
    {
        await using var server = await McpHttpServer.StartAsync();
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }));
        foreach (var file in new[] { "faults/wrong_operator.v", "ref.v" })
            File.Copy(Path.Combine(Repository.Root, "examples", "rtl", "counter8", file), Path.Combine(server.Workspace, Path.GetFileName(file)));
        var verify = (await client.CallToolAsync("verify", new Dictionary<string, object?>
            { ["design"] = new[] { "wrong_operator.v" }, ["top"] = "counter8", ["reference"] = new[] { "ref.v" } })).Structured();
        Assert.Equal("q", verify.GetProperty("report").GetProperty("firstMismatch").GetProperty("signal").GetString());

        var messages = new List<string>();
        var design = await client.CallToolAsync("design",
            new Dictionary<string, object?> { ["request"] = "an 8-bit adder", ["options"] = new Dictionary<string, string> { ["candidates"] = "1", ["optimize"] = "0" } },
            new SyncProgress(v => { lock (messages) messages.Add(v.Message ?? ""); }));
        Assert.NotNull(design.Structured().GetProperty("runId").GetString());
        lock (messages) Assert.Contains(messages, m => m.Contains("proposed by"));

        using var cancel = new CancellationTokenSource();
        var cancelled = client.CallToolAsync("design",
            new Dictionary<string, object?> { ["request"] = "a 16-bit adder", ["options"] = new Dictionary<string, string> { ["candidates"] = "3", ["optimize"] = "2" } },
            new SyncProgress(_ => cancel.Cancel()), cancellationToken: cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled.AsTask().WaitAsync(TimeSpan.FromMinutes(2)));
        // The server's run stopped too, not only the client's wait.
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            while (!server.ErrorText.Contains("design cancelled")) await Task.Delay(100, limit.Token);
        Assert.Contains("lint", (await client.ListToolsAsync()).Select(t => t.Name));
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
