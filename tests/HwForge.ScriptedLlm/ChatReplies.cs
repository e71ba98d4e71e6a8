using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HwForge.ScriptedLlm;

/// <summary>
/// Writes a scripted answer as the OpenAI chat completions API would: one JSON completion, or
/// server-sent events of chunks ending in <c>data: [DONE]</c>, with usage when asked for.
/// </summary>
internal static class ChatReplies
{
    public static async Task WriteAsync(HttpContext context, ChatRequest request, ScriptAnswer answer, int sequence)
    {
        var aborted = context.RequestAborted;
        if (answer.DelayMs > 0) await Task.Delay(answer.DelayMs, aborted);
        if (answer.Status is { } status)
        {
            await WriteErrorAsync(context, status, answer.Error ?? $"scripted failure {status}", answer.Code, answer.RetryAfter);
            return;
        }
        if (answer.DropAfterChunks is not null && !request.Stream)
        {
            context.Abort();
            return;
        }
        if (answer.Malformed && !request.Stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"choices\": [ this is not json", aborted);
            return;
        }
        var id = $"chatcmpl-scripted-{sequence}";
        answer = Limit(answer, request.MaxTokens);
        if (request.Stream) await StreamAsync(context, request, answer, id);
        else await context.Response.WriteAsync(Completion(request, answer, id).ToJsonString(), aborted);
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string message, string? code = null, int? retryAfter = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (retryAfter is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        var body = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = status >= 500 ? "server_error" : "invalid_request_error", ["code"] = code },
        };
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Completion(ChatRequest request, ScriptAnswer answer, string id)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = answer.Text };
        if (answer.ToolCalls is { Count: > 0 } calls)
            message["tool_calls"] = new JsonArray(calls.Select((call, i) => (JsonNode)new JsonObject
            {
                ["id"] = CallId(call, id, i),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.ArgumentsJson },
            }).ToArray());
        return Envelope(id, request, "chat.completion", new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["finish_reason"] = FinishReason(answer),
        }, Usage(request, answer));
    }

    private static async Task StreamAsync(HttpContext context, ChatRequest request, ScriptAnswer answer, string id)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var sent = 0;
        foreach (var delta in Deltas(answer, id))
        {
            if (sent == answer.DropAfterChunks)
            {
                // A reset discards data the client has not read yet: give the sent chunks time to arrive.
                if (sent > 0) await Task.Delay(200, context.RequestAborted);
                context.Abort();
                return;
            }
            if (sent > 0 && answer.ChunkDelayMs > 0) await Task.Delay(answer.ChunkDelayMs, context.RequestAborted);
            var chunk = answer.Malformed && sent == 1
                ? "{this is not json"
                : Envelope(id, request, "chat.completion.chunk", delta, usage: null).ToJsonString();
            await SendAsync(context, chunk);
            sent++;
        }
        if (request.IncludeUsage)
        {
            var usageChunk = Envelope(id, request, "chat.completion.chunk", choice: null, Usage(request, answer));
            await SendAsync(context, usageChunk.ToJsonString());
        }
        await SendAsync(context, "[DONE]");
    }

    // Text goes out a word at a time; tool calls as a header chunk then their arguments in two halves,
    // as real servers split them, so a client must assemble them.
    private static IEnumerable<JsonObject> Deltas(ScriptAnswer answer, string id)
    {
        yield return Choice(new JsonObject { ["role"] = "assistant", ["content"] = "" });
        foreach (var piece in Pieces(answer.Text ?? ""))
            yield return Choice(new JsonObject { ["content"] = piece });
        var calls = answer.ToolCalls ?? [];
        for (var i = 0; i < calls.Count; i++)
        {
            var arguments = calls[i].ArgumentsJson;
            var half = arguments.Length / 2;
            yield return Choice(ToolDelta(i, new JsonObject { ["name"] = calls[i].Name, ["arguments"] = "" }, CallId(calls[i], id, i)));
            yield return Choice(ToolDelta(i, new JsonObject { ["arguments"] = arguments[..half] }));
            yield return Choice(ToolDelta(i, new JsonObject { ["arguments"] = arguments[half..] }));
        }
        yield return Choice(new JsonObject(), FinishReason(answer));
    }

    private static JsonObject ToolDelta(int index, JsonObject function, string? id = null)
    {
        var call = new JsonObject { ["index"] = index };
        if (id is not null)
        {
            call["id"] = id;
            call["type"] = "function";
        }
        call["function"] = function;
        return new JsonObject { ["tool_calls"] = new JsonArray(call) };
    }

    private static JsonObject Choice(JsonObject delta, string? finishReason = null) =>
        new() { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason };

    private static IEnumerable<string> Pieces(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
            if (i == text.Length || (text[i - 1] == ' ' && text[i] != ' '))
            {
                yield return text[start..i];
                start = i;
            }
    }

    private static JsonObject Envelope(string id, ChatRequest request, string kind, JsonObject? choice, JsonObject? usage)
    {
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["object"] = kind,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = request.Model,
            ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
        };
        if (usage is not null) envelope["usage"] = usage;
        return envelope;
    }

    // Tokens are estimated as words so tests can predict them; a script can state them instead.
    private static JsonObject Usage(ChatRequest request, ScriptAnswer answer)
    {
        var prompt = answer.PromptTokens ?? request.PromptWords;
        var completion = answer.CompletionTokens ?? Embeddings.Words(answer.Text ?? "").Count()
            + (answer.ToolCalls ?? []).Sum(c => 1 + Embeddings.Words(c.ArgumentsJson).Count());
        return new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
    }

    private static string FinishReason(ScriptAnswer answer) =>
        answer.ToolCalls is { Count: > 0 } ? "tool_calls" : answer.CutByTokenLimit ? "length" : "stop";

    /// <summary>
    /// A token limit is honoured as a real server would: the text stops after that many pieces (words)
    /// and the finish reason is "length".
    /// </summary>
    private static ScriptAnswer Limit(ScriptAnswer answer, int? maxTokens)
    {
        if (maxTokens is not { } limit || answer.Text is null || Pieces(answer.Text).Count() <= limit) return answer;
        return answer with { Text = string.Concat(Pieces(answer.Text).Take(limit)), CutByTokenLimit = true };
    }

    private static string CallId(ScriptToolCall call, string completionId, int index) => call.Id ?? $"call_{completionId}_{index}";

    private static async Task SendAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
