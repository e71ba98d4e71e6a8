using System.Diagnostics;
using System.Text.Json;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Roles;

/// <summary>
/// One role's conversation turn with the model: streamed, with tool calls answered by HwForge's own
/// functions (a few rounds at most), and every call's tokens recorded as an <c>llm-call</c> event and against
/// the budget. What the model says is only ever a proposal: verdicts come from the judge.
/// </summary>
public sealed class RoleCall(IChatClient chat, RunContext context)
{
    private const int MaxToolRounds = 4;

    public async Task<string> AskAsync(string role, string stage, string system, string user, ChatOptions? options,
        IReadOnlyList<AIFunction> tools, CancellationToken cancellation)
    {
        List<ChatMessage> messages = [new(ChatRole.System, system), new(ChatRole.User, user)];
        var chatOptions = (options ?? new ChatOptions()).Clone();
        if (tools.Count > 0) chatOptions.Tools = [.. tools];
        chatOptions.AdditionalProperties ??= [];
        chatOptions.AdditionalProperties["hwforge.role"] = role;

        for (var round = 0; ; round++)
        {
            var clock = Stopwatch.StartNew();
            var response = await chat.GetStreamingResponseAsync(messages, chatOptions, cancellation).ToChatResponseAsync(cancellation);
            await RecordAsync(role, stage, response, clock.Elapsed);

            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0 || round >= MaxToolRounds) return response.Text;
            messages.AddRange(response.Messages);
            var results = new List<AIContent>();
            foreach (var call in calls) results.Add(new FunctionResultContent(call.CallId, await InvokeAsync(tools, call, cancellation)));
            messages.Add(new ChatMessage(ChatRole.Tool, results));
        }
    }

    /// <summary>Says something in the run's log as this role, so what a role decided is seen where it happened.</summary>
    public Task SayAsync(string role, string stage, string message) => context.SayAsync(role, stage, message);

    private async Task RecordAsync(string role, string stage, ChatResponse response, TimeSpan elapsed)
    {
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        var total = response.Usage?.TotalTokenCount ?? input + output;
        context.Budget.RecordCall(total);
        await context.Run.AppendAsync(new LlmCallEvent
        {
            Role = role,
            Stage = stage,
            Message = $"{response.ModelId ?? "model"} answered in {elapsed.TotalSeconds:0.0} s ({input} in, {output} out tokens)",
            Usage = new LlmUsage(response.ModelId, input, output, total, Math.Round(elapsed.TotalMilliseconds)),
        });
    }

    // A tool the model names wrongly or calls with bad arguments gets an error it can read, not an exception:
    // the conversation goes on and the judge still decides.
    private static async Task<object?> InvokeAsync(IReadOnlyList<AIFunction> tools, FunctionCallContent call, CancellationToken cancellation)
    {
        var tool = tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null) return $"error: no tool named '{call.Name}'; available: {string.Join(", ", tools.Select(t => t.Name))}";
        try
        {
            return await tool.InvokeAsync(new AIFunctionArguments(call.Arguments ?? new Dictionary<string, object?>()), cancellation);
        }
        catch (Exception e) when (e is ArgumentException or HwForgeException or JsonException or InvalidOperationException)
        {
            return $"error: {e.Message}";
        }
    }
}
