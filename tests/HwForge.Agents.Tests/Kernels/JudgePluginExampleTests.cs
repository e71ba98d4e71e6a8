using HwForge.Agents.Llm;
using HwForge.Examples.SkPlugin;
using HwForge.ScriptedLlm;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Kernels;

/// <summary>
/// examples/sk-plugin as a .NET developer would run it: their own kernel with SK's OpenAI connector at an
/// OpenAI-compatible endpoint (the scripted server, over real HTTP), and HwForge's judge added as a plugin.
/// </summary>
public sealed class JudgePluginExampleTests : IDisposable
{
    private const string Counter = "module counter4(input clk, input rst, input en, output reg [3:0] q);\n  always @(posedge clk) if (rst) q <= 4'd0; else if (en) q <= q + 4'd1;\nendmodule\n";
    private const string IgnoresEnable = "module counter4(input clk, input rst, input en, output reg [3:0] q);\n  always @(posedge clk) if (rst) q <= 4'd0; else q <= q + 4'd1;\nendmodule\n";

    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task Someone_else_s_agent_verifies_a_design_with_hwforge_s_judge_and_hears_the_first_mismatch()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(
            ScriptAnswer.CallTool("hwforge-verify", new { design = IgnoresEnable, reference = Counter, top = "counter4", clock = "clk", reset = "rst" }),
            ScriptAnswer.Reply("The counter ignores its enable."))));
        var llm = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" };
        var target = TargetRegistry.Create(_host.Host, _host.Versions).Get("rtl");

        var answer = await JudgeInYourKernel.AskAsync(llm, target, "Does this counter honour its enable?");

        Assert.Equal("The counter ignores its enable.", answer);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains("hwforge-verify", server.ChatRequests[0].Body); // offered by SK's connector
        var toolResult = server.ChatRequests[1].Body;
        Assert.Contains("fail", toolResult);
        Assert.Contains("mismatch", toolResult, StringComparison.OrdinalIgnoreCase); // the judge's own words went back
    }

    [Fact]
    public async Task The_example_s_kernel_sends_a_key_only_to_the_endpoint_it_was_configured_for()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))));
        var target = TargetRegistry.Create(_host.Host, _host.Versions).Get("rtl");
        const string Key = "sk-for-elsewhere-9f1c";
        var elsewhere = new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted", ApiKey = Key, KeyEndpoint = new Uri("https://api.openai.com/v1") };
        var here = elsewhere with { KeyEndpoint = new Uri(server.BaseUrl) };

        await JudgeInYourKernel.AskAsync(elsewhere, target, "hello");
        await JudgeInYourKernel.AskAsync(here, target, "hello");

        Assert.DoesNotContain(Key, server.ChatRequests[0].Authorization ?? "");
        Assert.Equal($"Bearer {Key}", server.ChatRequests[1].Authorization);
    }

    public void Dispose() => _host.Dispose();
}
