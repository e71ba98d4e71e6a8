using HwForge.Agents.Kernels;
using HwForge.Agents.Llm;
using HwForge.Tools.Targets;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HwForge.Examples.SkPlugin;

/// <summary>Your kernel, your model, HwForge's judge: the model may lint, verify and measure designs while it answers.</summary>
public static class JudgeInYourKernel
{
    public static async Task<string> AskAsync(LlmSettings llm, ITarget target, string question, CancellationToken cancellation = default)
    {
        var builder = Kernel.CreateBuilder();
        // SK's own OpenAI connector at any OpenAI-compatible endpoint. The key is the one HwForge bound to this
        // endpoint (KeyForEndpoint), so a key configured for another server is never sent here.
        builder.AddOpenAIChatCompletion(llm.Model!, llm.Endpoint!, llm.KeyForEndpoint);
        var kernel = builder.Build();
        kernel.Plugins.AddHwForgeJudge(target);

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var answer = await kernel.InvokePromptAsync(question, new KernelArguments(settings), cancellationToken: cancellation);
        return answer.ToString();
    }
}
