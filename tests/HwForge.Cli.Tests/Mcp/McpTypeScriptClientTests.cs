using System.Diagnostics;
using System.Text.Json;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>
/// A client HwForge did not write: the official MCP TypeScript SDK (installed by sandbox/install-toolchain.sh with
/// npm ci into ts-client/) drives the stdio server. It is never passed by: without node or the SDK it fails, saying
/// to run the installer, which installs both.
/// </summary>
public sealed class McpTypeScriptClientTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task The_official_TypeScript_SDK_client_lists_lints_verifies_a_fault_and_is_refused_outside_the_roots()
    {
        Assert.True(OnPath("node"), "node is not on PATH: run bash sandbox/install-toolchain.sh (it installs node and the TypeScript SDK)");
        var client = Path.Combine(Repository.Root, "tests", "HwForge.Cli.Tests", "Mcp", "ts-client");
        Assert.True(Directory.Exists(Path.Combine(client, "node_modules", "@modelcontextprotocol", "sdk")),
            $"the TypeScript SDK is not installed in {client}: run bash sandbox/install-toolchain.sh");
        _hwforge.WriteFile("broken.v", "module broken(input a, output y)\n  assign y = a;\nendmodule\n");
        foreach (var file in new[] { "faults/wrong_operator.v", "ref.v" })
            File.Copy(Path.Combine(Repository.Root, "examples", "rtl", "counter8", file), Path.Combine(_hwforge.Files, Path.GetFileName(file)));

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = client };
        foreach (var arg in new[] { "client.mjs", Path.Combine(AppContext.BaseDirectory, "hwforge.dll"), _hwforge.Files }) info.ArgumentList.Add(arg);
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(process.ExitCode == 0, await error);

        var seen = JsonDocument.Parse(await output).RootElement;
        Assert.Equal("hwforge", seen.GetProperty("server").GetProperty("name").GetString());
        var tools = seen.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("hasOutputSchema").GetBoolean());
        foreach (var name in new[] { "lint", "verify", "ppa", "design", "kb_search", "targets" }) Assert.True(tools[name], name);
        var diagnostic = seen.GetProperty("lint").GetProperty("diagnostics")[0];
        Assert.Equal(2, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.True(seen.GetProperty("outside").GetProperty("isError").GetBoolean());
        Assert.Contains("outside the folders this server may read", seen.GetProperty("outside").GetProperty("text").GetString());
        Assert.NotEmpty(seen.GetProperty("targets").GetProperty("targets").EnumerateArray());
        var verify = seen.GetProperty("verify");
        Assert.Equal("fail", verify.GetProperty("report").GetProperty("verdict").GetString());
        Assert.Equal("q", verify.GetProperty("report").GetProperty("firstMismatch").GetProperty("signal").GetString());
        Assert.Equal(1, verify.GetProperty("exitCode").GetInt32());
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    public void Dispose() => _hwforge.Dispose();
}
