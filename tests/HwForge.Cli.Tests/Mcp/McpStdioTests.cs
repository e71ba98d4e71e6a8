using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>An editor's agent drives <c>hwforge mcp</c> over stdio with the official C# SDK client.</summary>
public sealed class McpStdioTests : IAsyncLifetime
{
    private McpStdioServer _server = null!;

    public async Task InitializeAsync() => _server = await McpStdioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_agent_sees_every_tool_with_its_input_and_output_schema()
    {
        var tools = await _server.Client.ListToolsAsync();
        var names = tools.Select(t => t.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "lint", "verify", "ppa", "design", "kb_search", "targets" }, names);
        var lint = tools.Single(t => t.Name == "lint").ProtocolTool;
        Assert.Contains("files", lint.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.NotNull(lint.OutputSchema);
        Assert.True(lint.OutputSchema!.Value.GetProperty("properties").TryGetProperty("diagnostics", out _));
    }

    [Fact]
    public async Task Linting_a_bad_file_returns_its_diagnostic_with_line_and_column()
    {
        _server.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        var result = (await _server.CallAsync("lint", new() { ["files"] = new[] { "broken.v" } })).Structured();
        Assert.False(result.GetProperty("clean").GetBoolean());
        var error = result.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.EndsWith("broken.v", error.GetProperty("file").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Verifying_a_faulty_design_returns_the_first_mismatch()
    {
        var design = _server.CopyExample("counter8", "faults/wrong_operator.v");
        var reference = _server.CopyExample("counter8", "ref.v");
        var result = (await _server.CallAsync("verify", new() { ["design"] = new[] { design }, ["top"] = "counter8", ["reference"] = new[] { reference } })).Structured();
        var report = result.GetProperty("report");
        Assert.Equal("fail", report.GetProperty("verdict").GetString());
        Assert.Equal("q", report.GetProperty("firstMismatch").GetProperty("signal").GetString());
        Assert.Equal(1, result.GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task A_design_reports_progress_per_stage_and_candidate_and_its_report_is_a_resource()
    {
        var messages = new List<string>();
        var progress = new SyncProgress(v => { lock (messages) messages.Add(v.Message ?? ""); });
        var result = await _server.Client.CallToolAsync("design",
            new Dictionary<string, object?> { ["request"] = "an 8-bit adder", ["options"] = new Dictionary<string, string> { ["candidates"] = "1", ["optimize"] = "0" } },
            progress);
        var report = result.Structured();
        lock (messages)
        {
            Assert.Contains(messages, m => m.StartsWith("=="));        // a stage
            Assert.Contains(messages, m => m.Contains("proposed by")); // a candidate
        }
        var runId = report.GetProperty("runId").GetString()!;
        var resource = await _server.Client.ReadResourceAsync($"hwforge://runs/{runId}/report");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text;
        Assert.Equal(runId, JsonDocument.Parse(text).RootElement.GetProperty("runId").GetString());
        var design = await _server.Client.ReadResourceAsync($"hwforge://runs/{runId}/design");
        Assert.Contains("module", Assert.IsType<TextResourceContents>(Assert.Single(design.Contents)).Text);
        var markdown = await _server.Client.ReadResourceAsync($"hwforge://runs/{runId}/report.md");
        Assert.StartsWith($"# {report.GetProperty("finalTop").GetString()}:", Assert.IsType<TextResourceContents>(Assert.Single(markdown.Contents)).Text);
        var notARun = await Assert.ThrowsAnyAsync<McpException>(async () => await _server.Client.ReadResourceAsync("hwforge://runs/no-such-run/report"));
        Assert.Contains("no run 'no-such-run'", notARun.Message);
    }

    [Fact]
    public async Task A_design_can_be_cancelled_and_the_server_goes_on_serving()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SyncProgress(_ => cancel.Cancel());
        var call = _server.Client.CallToolAsync("design",
            new Dictionary<string, object?> { ["request"] = "a 16-bit adder", ["options"] = new Dictionary<string, string> { ["candidates"] = "3", ["optimize"] = "2" } },
            progress, cancellationToken: cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await call.AsTask().WaitAsync(TimeSpan.FromMinutes(2)));
        // The client's giving up is not enough: the server's run stopped on the cancellation and says where it stands.
        var log = await _server.WaitForLogAsync("design cancelled", TimeSpan.FromMinutes(1));
        Assert.Contains("hwforge design --resume", log);
        var targets = await _server.CallAsync("targets", []);
        Assert.NotEmpty(targets.Structured().GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task Bad_requests_are_tool_errors_in_the_CLIs_words_and_the_server_keeps_serving()
    {
        var outside = Path.Combine(_server.Home, "secret.v");
        File.WriteAllText(outside, "module secret; endmodule\n");
        File.WriteAllBytes(Path.Combine(_server.Workspace, "blob.v"), [0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]);
        using (var huge = File.Create(Path.Combine(_server.Workspace, "huge.v"))) huge.SetLength(50L << 20);

        Assert.Contains("outside the folders this server may read", await ErrorOf("lint", new() { ["files"] = new[] { outside } }));
        Assert.Contains("outside the folders this server may read", await ErrorOf("lint", new() { ["files"] = new[] { "../secret.v" } }));
        Assert.Contains("binary file", await ErrorOf("lint", new() { ["files"] = new[] { "blob.v" } }));
        Assert.Contains("are refused", await ErrorOf("lint", new() { ["files"] = new[] { "huge.v" } }));
        Assert.Contains("no such file", await ErrorOf("lint", new() { ["files"] = new[] { "missing.v" } }));
        Assert.Contains("files", await ErrorOf("lint", []));
        Assert.Contains("--cycles must be between 1 and 1000000", await ErrorOf("verify",
            new() { ["design"] = new[] { "a.v" }, ["top"] = "a", ["reference"] = new[] { "b.v" }, ["cycles"] = 0 }));

        _server.WriteFile("ok.v", "module ok(input a, output y);\n  assign y = a;\nendmodule\n");
        Assert.True((await _server.CallAsync("lint", new() { ["files"] = new[] { "ok.v" } })).Structured().GetProperty("clean").GetBoolean());
    }

    [Fact]
    public async Task An_HLS_kernel_is_verified_through_verify_target_and_a_faulty_one_fails_with_the_CLI_exit_code()
    {
        var example = Path.Combine(Repository.Root, "examples", "hls", "mac8");
        _server.WriteFile("ref.cpp", File.ReadAllText(Path.Combine(example, "ref.cpp")));
        _server.WriteFile("equiv.cpp", File.ReadAllText(Path.Combine(example, "equiv.cpp")));
        _server.WriteFile("wrong_shift.cpp", File.ReadAllText(Path.Combine(example, "faults", "wrong_shift.cpp")));
        Dictionary<string, object?> Call(string design) => new()
        {
            ["target"] = "hls", ["design"] = new[] { design }, ["top"] = "mac8", ["reference"] = new[] { "ref.cpp" },
            ["options"] = new Dictionary<string, string> { ["calls"] = "200" }, ["accept"] = "simulated",
        };

        var good = (await _server.CallAsync("verify_target", Call("equiv.cpp"))).Structured();
        Assert.Equal("hls", good.GetProperty("target").GetString());
        Assert.Equal("pass", good.GetProperty("verdict").GetProperty("verdict").GetString());
        Assert.True(good.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, good.GetProperty("exitCode").GetInt32());

        var bad = (await _server.CallAsync("verify_target", Call("wrong_shift.cpp"))).Structured();
        Assert.Equal("fail", bad.GetProperty("verdict").GetProperty("verdict").GetString());
        Assert.Equal(1, bad.GetProperty("exitCode").GetInt32());

        Assert.Contains("has no option 'cycles'", await ErrorOf("verify_target", new()
            { ["target"] = "hls", ["design"] = new[] { "equiv.cpp" }, ["top"] = "mac8", ["reference"] = new[] { "ref.cpp" }, ["options"] = new Dictionary<string, string> { ["cycles"] = "5" } }));
        Assert.Contains("no target 'vhdl'", await ErrorOf("verify_target", new()
            { ["target"] = "vhdl", ["design"] = new[] { "equiv.cpp" }, ["top"] = "mac8", ["reference"] = new[] { "ref.cpp" } }));
    }

    private Task<string> ErrorOf(string tool, Dictionary<string, object?> arguments) => _server.ErrorOf(tool, arguments);
}

/// <summary>Calls back on the reporting thread, unlike Progress&lt;T&gt;, which posts to a context tests do not have.</summary>
internal sealed class SyncProgress(Action<ProgressNotificationValue> report) : IProgress<ProgressNotificationValue>
{
    public void Report(ProgressNotificationValue value) => report(value);
}

/// <summary>Stdout is the protocol's: an editor reads every line of it as a JSON-RPC message.</summary>
public sealed class McpStdoutTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Every_line_the_stdio_server_writes_to_stdout_is_a_JSON_RPC_message()
    {
        _hwforge.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        var requests = string.Join("\n",
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"lint","arguments":{"files":["broken.v"]}}}""",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"lint","arguments":{"files":["/etc/passwd"]}}}""",
            // The tools that log the most: a design run (events, progress, the knowledge base, the catalog) and a search.
            """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"design","arguments":{"request":"an 8-bit adder","options":{"candidates":"1","optimize":"0"}},"_meta":{"progressToken":"p4"}}}""",
            """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"kb_search","arguments":{"query":"latch inferred"}}}""") + "\n";
        var info = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _hwforge.Files };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hwforge.dll"));
        info.ArgumentList.Add("mcp");
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(requests);
        await process.StandardInput.FlushAsync();
        var lines = new List<string>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        // Calls are served concurrently: the refused one may well answer first.
        bool Answered(int id) => lines.Any(l => l.Contains($"\"id\":{id},") || l.EndsWith($"\"id\":{id}}}"));
        while (!new[] { 2, 3, 4, 5 }.All(Answered) && await process.StandardOutput.ReadLineAsync(limit.Token) is { } line) lines.Add(line);
        process.StandardInput.Close(); // end of input ends the server
        await process.WaitForExitAsync(limit.Token);

        Assert.All(lines, l => Assert.Equal("2.0", JsonDocument.Parse(l).RootElement.GetProperty("jsonrpc").GetString()));
        Assert.Contains(lines, l => l.Contains("\"id\":2") && l.Contains("broken.v"));
        Assert.Contains(lines, l => l.Contains("notifications/progress") && l.Contains("p4"));
        Assert.Contains("outside the folders", await error); // the log of the refused call went to stderr
    }

    public void Dispose() => _hwforge.Dispose();
}
