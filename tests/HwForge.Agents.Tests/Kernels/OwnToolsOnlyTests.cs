using HwForge.Agents.Kernels;
using HwForge.Agents.Llm;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.ScriptedLlm;
using HwForge.Tools.Targets;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HwForge.Agents.Tests.Kernels;

/// <summary>A role's kernel runs only HwForge's own (sandboxed) tools, whatever else finds its way into it.</summary>
public sealed class OwnToolsOnlyTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task A_function_that_is_not_hwforge_s_is_refused_and_the_refusal_is_logged()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(
            ScriptAnswer.CallTool("host_shell", new { command = "rm -rf ~" }), ScriptAnswer.Reply("done"))));
        await using var run = _host.NewRun(new RunOptions { Request = "anything", Mode = DesignMode.Llm });
        var context = new RunContext(run, new BudgetTracker(run.Options.Budget, []), TargetRegistry.Create(_host.Host, _host.Versions).Get("rtl"));
        using var model = new OpenAiCompatibleChatClient(new LlmSettings { Endpoint = new Uri(server.BaseUrl), Model = "scripted" });
        var kernel = RoleKernel.Create(model, context, knowledge: null, new RoleTurn("coder", "generate"), maxToolRounds: 4);
        var ran = false;
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("host", [KernelFunctionFactory.CreateFromMethod((string command) => ran = true, "shell")]));

        var answer = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            new ChatHistory("system"), new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);

        Assert.False(ran);
        Assert.Equal("done", answer.Content);
        Assert.Contains("only HwForge's own tools", server.ChatRequests[1].Body); // the model was told why
        var refused = Assert.Single(EventLog.Read(Path.Combine(run.Path, RunFolder.EventsFile)).OfType<ToolCallEvent>());
        Assert.True(refused.Call.Refused);
    }

    public void Dispose() => _host.Dispose();
}
