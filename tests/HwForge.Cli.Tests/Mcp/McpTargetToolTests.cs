using ModelContextProtocol;

namespace HwForge.Cli.Tests.Mcp;

/// <summary>
/// The tools an agent reaches for beyond lint and verify: the area of a design (ppa), what a tool message means
/// (kb_search), and a CUDA kernel checked as <c>hwforge verify --target cuda --spec problem.yaml --ref golden.cpp</c>
/// checks it; and options or spec files that name a path are held to the roots like any file argument.
/// </summary>
public sealed class McpTargetToolTests : IAsyncLifetime
{
    private McpStdioServer _server = null!;

    public async Task InitializeAsync() => _server = await McpStdioServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_agent_asks_for_the_area_of_a_design_and_gets_the_ppa_report()
    {
        var design = _server.CopyExample("counter8", "ref.v");
        var ppa = (await _server.CallAsync("ppa", new() { ["design"] = new[] { Path.GetFileName(design) }, ["top"] = "counter8" })).Structured();
        Assert.True(ppa.GetProperty("succeeded").GetBoolean());
        Assert.Equal("osu018", ppa.GetProperty("library").GetString());
        Assert.True(ppa.GetProperty("areaUm2").GetDouble() > 100);
        Assert.True(ppa.GetProperty("fmaxMhz").GetDouble() > 10);
    }

    [Fact]
    public async Task A_pasted_lint_warning_is_looked_up_in_the_knowledge_base()
    {
        var hits = (await _server.CallAsync("kb_search", new()
            { ["query"] = "%Warning-BLKSEQ: shift.v:10:12: Blocking assignment '=' in sequential logic process", ["top"] = 3 })).Structured();
        var first = hits.GetProperty("results")[0];
        Assert.Contains("BLKSEQ", first.GetProperty("title").GetString());
        Assert.Equal("corpus/verilator-lint.md", first.GetProperty("path").GetString());
        Assert.Contains("--top must be between 1 and 100", await _server.ErrorOf("kb_search", new() { ["query"] = "latch", ["top"] = 0 }));
    }

    [Fact]
    public async Task A_CUDA_kernel_is_verified_with_its_problem_and_golden_model_and_a_faulty_one_fails_naming_the_first_mismatch()
    {
        foreach (var file in new[] { "ref.cu", "problem.yaml", "golden.cpp", "fault-grid-rounded-down.cu" })
            File.Copy(Path.Combine(Repository.Root, "examples", "cuda", "vector_add", file), Path.Combine(_server.Workspace, file));
        Dictionary<string, object?> Call(string kernel) => new()
        {
            ["target"] = "cuda", ["design"] = new[] { kernel }, ["reference"] = new[] { "golden.cpp" }, ["spec"] = "problem.yaml",
            ["options"] = new Dictionary<string, string> { ["trials"] = "1" },
        };

        // As on the command line: every emulated call matched, which is evidence, not a proof (exit 3) ...
        var good = (await _server.CallAsync("verify_target", Call("ref.cu"))).Structured();
        Assert.Equal("cuda", good.GetProperty("target").GetString());
        Assert.Equal("pass", good.GetProperty("verdict").GetProperty("verdict").GetString());
        Assert.Equal("simulated", good.GetProperty("verdict").GetProperty("assurance").GetString());
        Assert.False(good.GetProperty("accepted").GetBoolean());
        Assert.Equal(3, good.GetProperty("exitCode").GetInt32());
        // ... until the agent accepts simulation.
        var accepted = (await _server.CallAsync("verify_target", new(Call("ref.cu")) { ["accept"] = "simulated" })).Structured();
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, accepted.GetProperty("exitCode").GetInt32());

        var bad = (await _server.CallAsync("verify_target", Call("fault-grid-rounded-down.cu"))).Structured();
        Assert.Equal("fail", bad.GetProperty("verdict").GetProperty("verdict").GetString());
        Assert.Contains("C[0] at N=1", bad.GetProperty("verdict").GetProperty("firstMismatch").ToString());
        Assert.Equal(1, bad.GetProperty("exitCode").GetInt32());

        Assert.Contains("--spec is an option of target cuda, not of target hls", await _server.ErrorOf("verify_target", new()
            { ["target"] = "hls", ["design"] = new[] { "ref.cu" }, ["top"] = "solve", ["reference"] = new[] { "golden.cpp" }, ["spec"] = "problem.yaml" }));
        Assert.Contains("--top is required", await _server.ErrorOf("verify_target", new()
            { ["target"] = "hls", ["design"] = new[] { "ref.cu" }, ["reference"] = new[] { "golden.cpp" } }));
        Assert.Contains("outside the folders this server may read", await _server.ErrorOf("verify_target", new(Call("ref.cu")) { ["spec"] = "/etc/hostname" }));
    }

    [Fact]
    public async Task Options_and_spec_files_that_name_a_path_outside_the_roots_are_refused_like_any_path()
    {
        var outside = Directory.CreateDirectory(Path.Combine(_server.Home, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.v"), "module secret(input a, output y);\n  assign y = a;\nendmodule\n");
        _server.WriteFile("adder.yaml", "top: adder\nreference: ../outside/secret.v\n");
        _server.WriteFile("model.yaml", $"top: adder\nreference:\n  model: {Path.Combine(outside, "secret.cpp")}\n");
        _server.WriteFile("k.cpp", "int k(int a) { return a; }\n");

        Assert.Contains("its reference ../outside/secret.v", await _server.ErrorOf("design", new() { ["spec"] = "adder.yaml" }));
        Assert.Contains("outside the folders this server may read", await _server.ErrorOf("design", new() { ["spec"] = "model.yaml" }));
        Assert.Contains("outside the folders this server may read", await _server.ErrorOf("design",
            new() { ["request"] = "an 8-bit adder", ["options"] = new Dictionary<string, string> { ["liberty"] = Path.Combine(outside, "cells.lib") } }));
        Assert.Contains("outside the folders this server may read", await _server.ErrorOf("verify_target", new()
        {
            ["target"] = "hls", ["design"] = new[] { "k.cpp" }, ["top"] = "k", ["reference"] = new[] { "k.cpp" },
            ["options"] = new Dictionary<string, string> { ["hls_include"] = outside },
        }));
        Assert.Contains("outside the folders this server may read", await _server.ErrorOf("ppa",
            new() { ["design"] = new[] { "k.cpp" }, ["top"] = "k", ["liberty"] = Path.Combine(outside, "cells.lib") }));
        Assert.NotEmpty((await _server.CallAsync("targets", [])).Structured().GetProperty("targets").EnumerateArray());
    }
}
