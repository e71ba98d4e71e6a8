using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAiFinishReason = OpenAI.Chat.ChatFinishReason;

namespace HwForge.Agents.Llm;

/// <summary>Turns OpenAI chat completions (whole, or as streamed chunks) into Microsoft.Extensions.AI responses.</summary>
internal static class ChatResponseMapping
{
    public static ChatResponse ToResponse(ChatCompletion completion)
    {
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0) contents.Add(new TextContent(text));
        if (!string.IsNullOrEmpty(completion.Refusal)) contents.Add(new TextContent(completion.Refusal));
        foreach (var call in completion.ToolCalls)
            contents.Add(FunctionCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString()));
        var message = new AiChatMessage(ChatRole.Assistant, contents) { MessageId = completion.Id, CreatedAt = completion.CreatedAt, RawRepresentation = completion };
        return new ChatResponse(message)
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = Usage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    public static ChatResponseUpdate ToUpdate(StreamingChatCompletionUpdate chunk, StreamingToolCalls calls)
    {
        var contents = new List<AIContent>();
        foreach (var part in chunk.ContentUpdate)
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text)) contents.Add(new TextContent(part.Text));
        if (!string.IsNullOrEmpty(chunk.RefusalUpdate)) contents.Add(new TextContent(chunk.RefusalUpdate));
        calls.Add(chunk.ToolCallUpdates);
        if (chunk.FinishReason is not null) contents.AddRange(calls.Complete());
        if (Usage(chunk.Usage) is { } usage) contents.Add(new UsageContent(usage));
        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = chunk.CompletionId,
            MessageId = chunk.CompletionId,
            ModelId = chunk.Model,
            CreatedAt = chunk.CreatedAt,
            FinishReason = chunk.FinishReason is { } reason ? FinishReason(reason) : null,
            RawRepresentation = chunk,
        };
    }

    public static UsageDetails? Usage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
        CachedInputTokenCount = usage.InputTokenDetails?.CachedTokenCount,
        ReasoningTokenCount = usage.OutputTokenDetails?.ReasoningTokenCount,
    };

    public static AiFinishReason FinishReason(OpenAiFinishReason reason) => reason switch
    {
        OpenAiFinishReason.Length => AiFinishReason.Length,
        OpenAiFinishReason.ToolCalls or OpenAiFinishReason.FunctionCall => AiFinishReason.ToolCalls,
        OpenAiFinishReason.ContentFilter => AiFinishReason.ContentFilter,
        _ => AiFinishReason.Stop,
    };

    /// <summary>
    /// A tool call whose arguments are not a JSON object still becomes a call, carrying the parse error,
    /// so the caller can tell the model its arguments were broken instead of crashing.
    /// </summary>
    public static FunctionCallContent FunctionCall(string id, string name, string? arguments) =>
        FunctionCallContent.CreateFromParsedArguments(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments, id, name,
            json => JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions));
}

/// <summary>Tool calls arrive in pieces across chunks (id and name first, arguments in fragments); this assembles them.</summary>
internal sealed class StreamingToolCalls
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _calls = [];

    public void Add(IEnumerable<StreamingChatToolCallUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (!_calls.TryGetValue(update.Index, out var call)) call = (null, null, new StringBuilder());
            call.Id ??= update.ToolCallId;
            call.Name ??= update.FunctionName;
            if (update.FunctionArgumentsUpdate is { } piece && !piece.ToMemory().IsEmpty) call.Arguments.Append(piece.ToString());
            _calls[update.Index] = call;
        }
    }

    /// <summary>The finished calls, once; later calls start afresh.</summary>
    public IEnumerable<FunctionCallContent> Complete()
    {
        var done = _calls.Values.Where(c => c.Name is not null)
            .Select(c => ChatResponseMapping.FunctionCall(c.Id ?? $"call_{Guid.NewGuid():N}", c.Name!, c.Arguments.ToString())).ToList();
        _calls.Clear();
        return done;
    }
}
