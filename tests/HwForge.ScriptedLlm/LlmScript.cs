using System.Text.Json;
using System.Text.Json.Serialization;

namespace HwForge.ScriptedLlm;

/// <summary>
/// What the scripted server answers: rules tried in order, the first whose text matches a request
/// replays its answers one per request. The JSON shape is documented in README.md.
/// </summary>
public sealed record LlmScript
{
    public LlmScript() { }

    public LlmScript(params ScriptRule[] rules) => Rules = rules;

    public IReadOnlyList<ScriptRule> Rules { get; init; } = [];

    /// <summary>Models the server serves; a request for another gets 404 model_not_found. Empty: any model.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>When set, a request without <c>Authorization: Bearer</c> this key gets 401.</summary>
    public string? ApiKey { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static LlmScript Parse(string json) =>
        JsonSerializer.Deserialize<LlmScript>(json, Json) ?? throw new JsonException("The script is empty.");

    public static LlmScript Load(string path) => Parse(File.ReadAllText(path));

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>Where a rule looks for its <see cref="ScriptRule.Match"/> text.</summary>
public enum MatchIn { Any, System, User }

/// <summary>One rule: requests whose system or last user message contains <see cref="Match"/> get its answers in order.</summary>
public sealed record ScriptRule
{
    /// <summary>Substring (ordinal, case-sensitive) to look for; null or empty matches every request.</summary>
    public string? Match { get; init; }

    public MatchIn In { get; init; } = MatchIn.Any;

    public IReadOnlyList<ScriptAnswer> Answers { get; init; } = [];

    /// <summary>
    /// False (the default): once the answers run out the last one repeats, so a rule with one answer
    /// answers forever. True: further requests get HTTP 400 "script exhausted", which fails a test loudly.
    /// </summary>
    public bool ErrorWhenExhausted { get; init; }

    public static ScriptRule When(string match, params ScriptAnswer[] answers) => new() { Match = match, Answers = answers };

    public static ScriptRule Always(params ScriptAnswer[] answers) => new() { Answers = answers };
}

/// <summary>
/// One scripted answer: text and/or tool calls, or a fault (an HTTP status, a delay, a malformed body,
/// a connection dropped mid-stream). Faults combine: a delay can precede any answer.
/// </summary>
public sealed record ScriptAnswer
{
    public string? Text { get; init; }

    public IReadOnlyList<ScriptToolCall>? ToolCalls { get; init; }

    /// <summary>An error status (429, 500, 401, 404…) answered instead of a completion.</summary>
    public int? Status { get; init; }

    /// <summary>The error's message and code in the OpenAI error body, e.g. "model_not_found".</summary>
    public string? Error { get; init; }

    public string? Code { get; init; }

    /// <summary>Seconds sent in a Retry-After header with an error status.</summary>
    public int? RetryAfter { get; init; }

    /// <summary>Milliseconds to wait before answering at all.</summary>
    public int DelayMs { get; init; }

    /// <summary>Milliseconds between streamed chunks, to make a slow stream.</summary>
    public int ChunkDelayMs { get; init; }

    /// <summary>Answer 200 with a body that is not JSON (or, streaming, an event that is not JSON).</summary>
    public bool Malformed { get; init; }

    /// <summary>Streaming: send this many chunks, then drop the connection. Not streaming: drop it at once.</summary>
    public int? DropAfterChunks { get; init; }

    /// <summary>Token counts to report instead of the word-count estimate.</summary>
    public int? PromptTokens { get; init; }

    public int? CompletionTokens { get; init; }

    /// <summary>Set by the server when a request's max_tokens cut the text short; not part of the script.</summary>
    internal bool CutByTokenLimit { get; init; }

    public static ScriptAnswer Reply(string text) => new() { Text = text };

    public static ScriptAnswer CallTool(string name, object arguments, string? id = null) =>
        new() { ToolCalls = [new ScriptToolCall { Name = name, Arguments = JsonSerializer.SerializeToElement(arguments, LlmScript.Json), Id = id }] };

    public static ScriptAnswer Fail(int status, string? error = null, string? code = null, int? retryAfter = null) =>
        new() { Status = status, Error = error, Code = code, RetryAfter = retryAfter };

    public static ScriptAnswer Drop(int afterChunks, string text) => new() { DropAfterChunks = afterChunks, Text = text };
}

/// <summary>A function call the scripted model asks for; arguments are any JSON object.</summary>
public sealed record ScriptToolCall
{
    public string? Id { get; init; }

    public required string Name { get; init; }

    public JsonElement? Arguments { get; init; }

    internal string ArgumentsJson => Arguments is { } a ? a.GetRawText() : "{}";
}
