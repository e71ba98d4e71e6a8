using HwForge.Agents.Design;
using HwForge.Agents.Llm;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.ScriptedLlm;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>
/// The LLM path on the HLS target, end to end: real HTTP to the scripted model, real g++ and Verilator judging. The
/// model's kernels are judged by C simulation (and their RTL by co-simulation), the judge's own words reach the
/// repair prompts, and a pass that only simulation shows is reported as simulated, not verified.
/// </summary>
public sealed class HlsLlmDesignTests : IDisposable
{
    private static readonly string Examples = Path.Combine(FindRoot(), "examples");

    private static string Example(string path) => File.ReadAllText(Path.Combine(Examples, "hls", "mac8", path));

    // Scales the product up instead of down: the first non-zero product differs.
    private static readonly string WrongShift = $"```cpp\n{Example("faults/wrong_shift.cpp")}```\nA pipelined MAC.";

    // Names a variable it never declares: g++ refuses it before anything runs.
    private static readonly string DoesNotCompile = $"```cpp\n{Example("equiv.cpp").Replace("out = acc;", "out = accumulator;")}```\nA pipelined MAC.";

    // The kernel and its two-stage RTL behind ap_ctrl_hs.
    private static readonly string Correct = $"```cpp\n{Example("equiv.cpp")}```\n```verilog\n{Example("rtl/mac8.v")}```\nShifted down, and gave the RTL.";

    // The reference's own structure (no pragma), with the same RTL.
    private static readonly string Plainer = $"```cpp\n{Example("ref.cpp")}```\n```verilog\n{Example("rtl/mac8.v")}```\nNo pragma needed.";

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task Hls_kernels_from_the_model_are_judged_by_c_simulation_their_failures_fed_back_and_the_pass_reported_as_simulated()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("repairing an HLS C++ kernel", ScriptAnswer.Reply(Correct)),
            ScriptRule.When("You are the Coder", ScriptAnswer.Reply(WrongShift), ScriptAnswer.Reply(DoesNotCompile)),
            ScriptRule.When("You are the Optimizer", ScriptAnswer.Reply(Plainer))));
        var settings = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        var specPath = Path.Combine(Examples, "hls-specs", "mac8.yaml");
        await using var run = _host.NewRun(new RunOptions
        {
            Spec = SpecFile.Load(specPath), SpecPath = specPath, Mode = DesignMode.Llm, LlmEndpoint = server.BaseUrl, Model = "scripted",
            Candidates = 2, RepairRounds = 1, OptimizeRounds = 1, OptimizeBatch = 1,
            TargetOptions = new Dictionary<string, string> { ["calls"] = "200" },
        });

        var report = await _host.Runner.RunAsync(run, DesignStrategies.For(run.Options, settings, _host.Host, _host.Versions, null), default);

        Assert.Equal("hls", report.Target);
        Assert.Equal(["coder", "coder", "repair", "repair", "optimizer"], report.Candidates.Select(c => c.Origin));
        var (wrong, broken) = (report.Candidates[0], report.Candidates[1]);
        Assert.Equal((Verdict.Fail, FailureClass.FunctionalMismatch), (wrong.Verdict, wrong.FailureClass));
        Assert.NotEqual(Verdict.Pass, broken.Verdict);
        Assert.Equal(FailureClass.Compile, broken.FailureClass);
        Assert.All(report.Candidates.Skip(2), c => Assert.Equal((Verdict.Pass, Assurance.Simulated), (c.Verdict, c.Assurance)));

        // Each repair prompt carried the judge's own words about its candidate: the first differing call with its
        // inputs, and g++'s error naming the undeclared variable.
        var repairs = server.ChatRequests.Select(Text).Where(b => b.Contains("repairing an HLS C++ kernel")).ToList();
        Assert.Equal(2, repairs.Count);
        var mismatch = Assert.Single(repairs, b => b.Contains("return p << 2;"));
        Assert.Contains("C simulation against the reference", mismatch);
        Assert.Contains("The first differing call is call", mismatch);
        Assert.Contains("expected 0x000000, got 0x000004 (inputs a=0xff, b=0xff, clear=0x1", mismatch);
        var compile = Assert.Single(repairs, b => b.Contains("out = accumulator;"));
        Assert.Contains("error: ‘accumulator’ was not declared", compile[compile.IndexOf("The judge's feedback", StringComparison.Ordinal)..]);
        Assert.Contains("error", compile[compile.IndexOf("The judge's feedback", StringComparison.Ordinal)..]);

        // The prompts were the HLS target's: the C++ reference shown fenced as cpp, the kernel asked for as HLS C++.
        var coder = server.ChatRequests.Select(Text).First(b => b.Contains("You are the Coder of HwForge, a hardware design assistant"));
        Assert.Contains("Write the HLS C++ function mac8", coder);
        Assert.Contains("```cpp", coder);
        Assert.Contains("static ap_int<24> acc = 0;", coder);

        // The Optimizer saw the measured figures of the passes (the target declares no objectives), estimates named as
        // such, and that each was only simulated.
        var optimizer = server.ChatRequests.Select(Text).Single(b => b.Contains("You are the Optimizer"));
        Assert.Contains("- c003: ", optimizer);
        Assert.Contains("latency 2 cycles", optimizer);
        Assert.Contains("estimated latency", optimizer);
        Assert.Contains("simulated, not proven", optimizer);

        // Simulation only (state, and more than 16 input bits): not proven, and said so; latency measured on the RTL.
        Assert.Equal(RunStatus.NotProven, report.Status);
        Assert.Equal(Assurance.Simulated, report.Assurance);
        Assert.Contains(report.Best?.Id, new[] { "c003", "c004", "c005" });
        Assert.Equal(2, report.Best!.Measurement!.Metrics["latency"]);
        Assert.True(File.Exists(Path.Combine(run.Path, "candidates", "c001", "kernel.cpp")));
        Assert.True(File.Exists(Path.Combine(run.Path, "final", "kernel.cpp")));
        Assert.True(File.Exists(Path.Combine(run.Path, "final", "mac8.v")));
        Assert.Empty(Directory.EnumerateFiles(run.Path, "design.v", SearchOption.AllDirectories));
        var markdown = await File.ReadAllTextAsync(Path.Combine(run.Path, RunFolder.ReportMarkdownFile));
        Assert.Contains("simulated", markdown);
        Assert.DoesNotContain("verified", markdown.Replace("unverified", "").Replace("not-verified", ""));
    }

    // What the model was sent, as text (the request body is JSON, which escapes quotes and non-ASCII).
    private static string Text(RecordedRequest request) =>
        string.Join("\n", request.Json!["messages"]!.AsArray().Select(m => m!["content"]?.GetValue<string>()));

    public void Dispose() => _host.Dispose();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found");
    }
}
