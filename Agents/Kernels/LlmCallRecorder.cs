using System.Diagnostics;
using System.Runtime.CompilerServices;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Kernels;

/// <summary>
/// Sits under SK's function invocation, so it sees each request to the model separately (a turn with a tool call
/// makes two): each answer becomes an <c>llm-call</c> event and is counted against the run's budget.
/// </summary>
internal sealed class LlmCallRecorder(IChatClient inner, RunContext context, RoleTurn turn) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        await RecordAsync(response.ModelId, response.Usage, clock.Elapsed);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        string? model = null;
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            model ??= update.ModelId;
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            yield return update;
        }
        await RecordAsync(model, usage, clock.Elapsed);
    }

    private async Task RecordAsync(string? model, UsageDetails? usage, TimeSpan elapsed)
    {
        var input = usage?.InputTokenCount ?? 0;
        var output = usage?.OutputTokenCount ?? 0;
        var total = usage?.TotalTokenCount ?? input + output;
        context.Budget.RecordCall(total);
        await context.Run.AppendAsync(new LlmCallEvent
        {
            Role = turn.Role,
            Stage = turn.Stage,
            Message = $"{model ?? "model"} answered in {elapsed.TotalSeconds:0.0} s ({input} in, {output} out tokens)",
            Usage = new LlmUsage(model, input, output, total, Math.Round(elapsed.TotalMilliseconds)),
        });
    }
}
