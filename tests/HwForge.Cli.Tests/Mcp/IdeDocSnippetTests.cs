using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using ModelContextProtocol.Client;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>
/// A user copies a snippet from docs/IDE.md into their editor's configuration: each one, run exactly as its
/// command and arguments say (with <c>hwforge</c> on PATH as the doc's install step puts it), must start a server
/// whose tools the C# SDK client lists, and the problem matcher's patterns must read what lint and watch print.
/// </summary>
public sealed partial class IdeDocSnippetTests : IDisposable
{
    private static readonly string[] Tools = ["lint", "verify", "verify_target", "ppa", "design", "kb_search", "targets"];

    private readonly HwForgeProcess _hwforge = new();
    private readonly string _bin;

    public IdeDocSnippetTests()
    {
        // The doc's install step: the hwforge program linked into a folder on PATH.
        _bin = Directory.CreateDirectory(Path.Combine(_hwforge.Home, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(_bin, "hwforge"), Path.Combine(AppContext.BaseDirectory, "hwforge"));
    }

    private string PathWithHwForge => $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}";

    [Fact]
    public async Task Every_stdio_server_configuration_in_IDE_md_starts_the_server_and_lists_its_tools()
    {
        var configurations = JsonSnippets().Where(s => s.TryGetProperty("servers", out _) || s.TryGetProperty("mcpServers", out _)).ToList();
        var started = 0;
        foreach (var configuration in configurations)
        {
            // VS Code reads "servers" and wants each server's "type"; Cursor and Claude Code read "mcpServers".
            var vsCode = configuration.TryGetProperty("servers", out var servers);
            if (!vsCode) servers = configuration.GetProperty("mcpServers");
            var server = servers.GetProperty("hwforge");
            if (vsCode) Assert.Contains(server.GetProperty("type").GetString(), new[] { "stdio", "http" });
            if (!server.TryGetProperty("command", out var command)) continue; // a URL: the HTTP test's
            if (server.TryGetProperty("type", out var type)) Assert.Equal("stdio", type.GetString());

            // ${workspaceFolder} is the folder open in the editor: for a snippet that names it, a checkout of HwForge.
            var args = server.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            var workspace = args.Any(x => x.Contains("${workspaceFolder}")) ? Repository.Root : _hwforge.Files;
            await AssertListsToolsAsync(command.GetString()!, [.. args.Select(x => x.Replace("${workspaceFolder}", workspace))], workspace);
            started++;
        }
        // VS Code (installed and from a checkout), Cursor, Claude Code's .mcp.json, and the claude mcp add line.
        foreach (var line in ClaudeLines().Where(l => !l.Contains("--transport http")))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var program = words.SkipWhile(w => w != "--").Skip(1).ToArray();
            await AssertListsToolsAsync(program[0], program[1..], _hwforge.Files);
            started++;
        }
        Assert.True(started >= 5, $"only {started} stdio snippets found in docs/IDE.md");
    }

    [Fact]
    public async Task The_HTTP_snippets_name_the_address_hwforge_mcp_http_serves_by_default()
    {
        var urls = JsonSnippets()
            .Select(s => s.TryGetProperty("servers", out var v) ? v : s.TryGetProperty("mcpServers", out var c) ? c : default)
            .Where(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("hwforge").TryGetProperty("url", out _))
            .Select(s => s.GetProperty("hwforge").GetProperty("url").GetString()!)
            .Concat(ClaudeLines().Where(l => l.Contains("--transport http")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]))
            .ToList();
        Assert.Equal(2, urls.Count); // VS Code's and Claude Code's

        // Started as the doc says: 'hwforge mcp --http', no port named.
        using var server = Start("hwforge mcp --http", _hwforge.Files, out var lines, stderr: true);
        var address = await NextAsync(lines, l => l.Contains("MCP server on"), TimeSpan.FromMinutes(1));
        foreach (var url in urls)
        {
            Assert.Contains($"on {url}", address);
            await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url) }));
            Assert.Superset(Tools.ToHashSet(), (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet());
        }
    }

    [Fact]
    public async Task The_tasks_json_problem_matchers_read_what_lint_and_watch_print()
    {
        var tasks = JsonSnippets().Single(s => s.TryGetProperty("tasks", out _)).GetProperty("tasks").EnumerateArray().ToList();
        // The watch task's own folders: its sources in rtl/, its reference in ref/.
        var workspace = _hwforge.Files;
        Directory.CreateDirectory(Path.Combine(workspace, "rtl"));
        Directory.CreateDirectory(Path.Combine(workspace, "ref"));
        var broken = Path.Combine(workspace, "rtl", "my_top.v");
        File.WriteAllText(broken, "module my_top(input a, output y)\n  assign y = a;\nendmodule\n");
        File.WriteAllText(Path.Combine(workspace, "ref", "my_top.v"), "module my_top(input a, output y);\n  assign y = a;\nendmodule\n");

        foreach (var task in tasks)
        {
            var matcher = task.GetProperty("problemMatcher");
            var pattern = matcher.GetProperty("pattern");
            var regex = new Regex(pattern.GetProperty("regexp").GetString()!);
            var command = task.GetProperty("command").GetString()!.Replace("${file}", broken).Replace("${workspaceFolder}", workspace);
            using var process = Start(command, workspace, out var lines);
            var background = task.TryGetProperty("isBackground", out var b) && b.GetBoolean();
            string? problem = null;
            if (background)
            {
                var patterns = matcher.GetProperty("background");
                var begins = new Regex(patterns.GetProperty("beginsPattern").GetString()!);
                var ends = new Regex(patterns.GetProperty("endsPattern").GetString()!);
                var first = await NextAsync(lines, _ => true, TimeSpan.FromMinutes(1));
                Assert.Matches(begins, first);
                Assert.DoesNotMatch(ends, first);
                while (await NextAsync(lines, _ => true, TimeSpan.FromMinutes(1)) is var line && !ends.IsMatch(line))
                    if (regex.IsMatch(line)) problem = line;
            }
            else
            {
                await process.Process.WaitForExitAsync();
                lines.Writer.TryComplete();
                await foreach (var line in lines.Reader.ReadAllAsync()) if (regex.IsMatch(line)) problem ??= line;
            }
            Assert.True(problem is not null, $"{task.GetProperty("label")}: no line matched {regex}");
            var match = regex.Match(problem!);
            Assert.EndsWith("my_top.v", match.Groups[pattern.GetProperty("file").GetInt32()].Value);
            Assert.Equal("2", match.Groups[pattern.GetProperty("line").GetInt32()].Value);
            Assert.Equal("3", match.Groups[pattern.GetProperty("column").GetInt32()].Value);
            Assert.Equal("error", match.Groups[pattern.GetProperty("severity").GetInt32()].Value);
        }
    }

    private async Task AssertListsToolsAsync(string command, string[] args, string workspace)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "hwforge",
            Command = command,
            Arguments = args,
            WorkingDirectory = workspace,
            EnvironmentVariables = new Dictionary<string, string?> { ["PATH"] = PathWithHwForge, ["HWFORGE_HOME"] = _hwforge.Home },
        });
        // 'dotnet run' builds first: an editor waits for it, and so does this test.
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { InitializationTimeout = TimeSpan.FromMinutes(5) });
        Assert.Equal("hwforge", client.ServerInfo?.Name);
        Assert.Superset(Tools.ToHashSet(), (await client.ListToolsAsync()).Select(t => t.Name).ToHashSet());
    }

    /// <summary>A snippet's command line as a shell task runs it, its stdout (or stderr) as a queue of lines.</summary>
    private Running Start(string commandLine, string workspace, out Channel<string> lines, bool stderr = false)
    {
        var queue = Channel.CreateUnbounded<string>();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = workspace };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(commandLine);
        info.Environment["PATH"] = PathWithHwForge;
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && !stderr) queue.Writer.TryWrite(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && stderr) queue.Writer.TryWrite(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lines = queue;
        return new Running(process);
    }

    private static async Task<string> NextAsync(Channel<string> lines, Func<string, bool> wanted, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (true)
        {
            var line = await lines.Reader.ReadAsync(timeout.Token);
            if (wanted(line)) return line;
        }
    }

    /// <summary>A started command line, killed with everything it started at the end of the test.</summary>
    private sealed class Running(Process process) : IDisposable
    {
        public Process Process => process;

        public void Dispose()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    private static IEnumerable<JsonElement> JsonSnippets() =>
        Fenced("json").Select(text => JsonDocument.Parse(text).RootElement.Clone());

    private static IEnumerable<string> ClaudeLines() =>
        Fenced("sh").SelectMany(text => text.Split('\n')).Where(l => l.StartsWith("claude mcp add ", StringComparison.Ordinal));

    private static IEnumerable<string> Fenced(string language) =>
        Fence().Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "IDE.md")))
            .Where(m => m.Groups[1].Value == language).Select(m => m.Groups[2].Value);

    [GeneratedRegex(@"^```(\w+)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    public void Dispose() => _hwforge.Dispose();
}
