using System.Text;
using System.Text.Json.Nodes;

namespace HwForge.ScriptedLlm;

/// <summary>The parts of a chat completion request the script and the replies need.</summary>
internal sealed record ChatRequest(string Model, string System, string LastUser, int PromptWords, bool Stream, bool IncludeUsage, int? MaxTokens)
{
    public static ChatRequest Parse(JsonNode body)
    {
        var system = new StringBuilder();
        var lastUser = "";
        var words = 0;
        foreach (var message in body["messages"]?.AsArray() ?? [])
        {
            var role = (string?)message?["role"] ?? "";
            var text = TextOf(message?["content"]);
            words += Embeddings.Words(text).Count() + 1;
            if (role is "system" or "developer") system.AppendLine(text);
            else if (role == "user") lastUser = text;
        }
        return new ChatRequest(
            (string?)body["model"] ?? "",
            system.ToString(),
            lastUser,
            words,
            body["stream"]?.GetValue<bool>() ?? false,
            body["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false,
            (int?)(body["max_completion_tokens"] ?? body["max_tokens"]));
    }

    // Content is either a string or an array of parts, of which only text parts carry words.
    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Join("\n", parts.Select(p => (string?)p?["text"]).Where(t => t is not null)),
        _ => "",
    };
}
