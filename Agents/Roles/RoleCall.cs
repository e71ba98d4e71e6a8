using System.Text;
using HwForge.Agents.Kernels;
using HwForge.Agents.Supervisor;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HwForge.Agents.Roles;

/// <summary>
/// One role's conversation turn with the model, through Semantic Kernel: streamed, with tool calls answered by
/// HwForge's plugin under SK's automatic function choice, and every model answer and tool call recorded in the
/// run's events by the kernel's filters. What the model says is only ever a proposal: verdicts come from the judge.
/// </summary>
internal sealed class RoleCall(IChatClient chat, RunContext context, IPromptKnowledge? knowledge)
{
    private const int MaxToolRounds = 4;

    public async Task<string> AskAsync(string role, string stage, string system, string user, float temperature, bool withTools,
        CancellationToken cancellation)
    {
        var kernel = RoleKernel.Create(chat, context, knowledge, new RoleTurn(role, stage), MaxToolRounds);
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = temperature,
            // No behaviour means no tools are offered at all, as for the Architect.
            FunctionChoiceBehavior = withTools ? FunctionChoiceBehavior.Auto() : null,
        };
        var history = new ChatHistory(system);
        history.AddUserMessage(user);
        var answer = new StringBuilder();
        await foreach (var chunk in kernel.GetRequiredService<IChatCompletionService>().GetStreamingChatMessageContentsAsync(history, settings, kernel, cancellation))
            answer.Append(chunk.Content);
        return answer.ToString();
    }

    /// <summary>Says something in the run's log as this role, so what a role decided is seen where it happened.</summary>
    public Task SayAsync(string role, string stage, string message) => context.SayAsync(role, stage, message);
}
