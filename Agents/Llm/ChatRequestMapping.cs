using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;
using OpenAiResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace HwForge.Agents.Llm;

/// <summary>Turns Microsoft.Extensions.AI messages and options into an OpenAI chat completions request.</summary>
internal static class ChatRequestMapping
{
    public static List<OpenAiChatMessage> ToOpenAi(IEnumerable<AiChatMessage> messages, ChatOptions? options)
    {
        var result = new List<OpenAiChatMessage>();
        if (!string.IsNullOrWhiteSpace(options?.Instructions)) result.Add(new SystemChatMessage(options.Instructions));
        foreach (var message in messages)
        {
            // Tool results travel as tool messages whichever role the caller filed them under.
            var results = ToolResults(message).ToList();
            result.AddRange(results);
            if (message.Role == ChatRole.Tool || (results.Count > 0 && message.Contents.All(c => c is FunctionResultContent))) continue;
            if (message.Role == ChatRole.System) result.Add(new SystemChatMessage(message.Text));
            else if (message.Role == ChatRole.User) result.Add(User(message));
            else if (message.Role == ChatRole.Assistant) result.Add(Assistant(message));
            else throw new ArgumentException($"The chat role '{message.Role}' has no OpenAI equivalent.", nameof(messages));
        }
        return result;
    }

    public static ChatCompletionOptions ToOpenAi(ChatOptions? options, IChatClient client, Uri endpoint)
    {
        // A caller can start from its own raw options for anything this mapping does not cover.
        var result = options?.RawRepresentationFactory?.Invoke(client) as ChatCompletionOptions ?? new ChatCompletionOptions();
        if (options is null) return result;
        result.Temperature ??= options.Temperature;
        result.MaxOutputTokenCount ??= options.MaxOutputTokens;
        // The SDK sends only max_completion_tokens, which Ollama and LM Studio silently ignore; they
        // read the older max_tokens, which OpenAI's own reasoning models reject. So: both, except at OpenAI.
#pragma warning disable SCME0001 // JsonPatch is experimental; it is the SDK's way to add a field.
        if (result.MaxOutputTokenCount is { } limit && !endpoint.Host.EndsWith("openai.com", StringComparison.OrdinalIgnoreCase))
            result.Patch.Set("$.max_tokens"u8, limit);
#pragma warning restore SCME0001
        result.TopP ??= options.TopP;
        result.FrequencyPenalty ??= options.FrequencyPenalty;
        result.PresencePenalty ??= options.PresencePenalty;
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; local servers honour it.
        result.Seed ??= options.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options.StopSequences ?? []) result.StopSequences.Add(stop);
        foreach (var tool in options.Tools ?? [])
            if (tool is AIFunctionDeclaration function)
                result.Tools.Add(ChatTool.CreateFunctionTool(function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
        if (result.Tools.Count > 0)
        {
            result.AllowParallelToolCalls ??= options.AllowMultipleToolCalls;
            result.ToolChoice ??= options.ToolMode switch
            {
                NoneChatToolMode => ChatToolChoice.CreateNoneChoice(),
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatToolChoice.CreateFunctionChoice(name),
                RequiredChatToolMode => ChatToolChoice.CreateRequiredChoice(),
                AutoChatToolMode => ChatToolChoice.CreateAutoChoice(),
                _ => null,
            };
        }
        result.ResponseFormat ??= options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => OpenAiResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "answer", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => OpenAiResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => OpenAiResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return result;
    }

    private static UserChatMessage User(AiChatMessage message)
    {
        var parts = new List<ChatMessageContentPart>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text: parts.Add(ChatMessageContentPart.CreateTextPart(text.Text)); break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(data.Data), data.MediaType)); break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(ChatMessageContentPart.CreateImagePart(uri.Uri)); break;
            }
        }
        return new UserChatMessage(parts);
    }

    private static AssistantChatMessage Assistant(AiChatMessage message)
    {
        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(call => ChatToolCall.CreateFunctionToolCall(call.CallId, call.Name,
                BinaryData.FromString(JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions))))
            .ToList();
        var text = message.Text;
        var result = calls.Count > 0 ? new AssistantChatMessage(calls) : new AssistantChatMessage(text);
        if (calls.Count > 0 && !string.IsNullOrEmpty(text)) result.Content.Add(ChatMessageContentPart.CreateTextPart(text));
        return result;
    }

    private static IEnumerable<ToolChatMessage> ToolResults(AiChatMessage message) =>
        message.Contents.OfType<FunctionResultContent>().Select(result => new ToolChatMessage(result.CallId, ResultText(result)));

    /// <summary>What the model reads back from a tool: strings as they are, anything else as JSON.</summary>
    private static string ResultText(FunctionResultContent result) => result switch
    {
        { Exception: { } e } => $"Error: {e.Message}",
        { Result: null } => "",
        { Result: string text } => text,
        { Result: JsonElement json } => json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText(),
        { Result: var value } => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions),
    };
}
