using System.Text.Json;
using HwForge.Agents.Design;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Roles;

/// <summary>
/// Turns a request into a spec and a behavioural reference. A model wrote that reference, so the spec says
/// so (<see cref="ReferenceOrigin.Architect"/>) and the report asks a person to review it.
/// </summary>
public sealed class Architect(RoleCall call, IPromptKnowledge? knowledge)
{
    private const int Attempts = 2;

    public async Task<DesignSpec> WriteSpecAsync(string request, CancellationToken cancellation)
    {
        var context = knowledge is null ? "" : await knowledge.RetrieveAsync(request, 600, cancellation);
        var user = $"Request: {request}" + (context.Length > 0 ? $"\n\nRelated knowledge:\n{context}" : "");
        string? problem = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var prompt = problem is null ? user : $"{user}\n\nYour previous answer could not be used: {problem}. Answer again in the required form.";
            var answer = await call.AskAsync("architect", "spec", PromptLibrary.Get("architect"), prompt, new ChatOptions { Temperature = 0.2f }, [], cancellation);
            (var spec, problem) = Parse(answer, request);
            if (spec is not null) return spec;
        }
        throw new LlmAnswerException($"the Architect's answer could not be used twice ({problem}); try another model, or give a spec file with your own reference (--spec)");
    }

    internal static (DesignSpec? Spec, string? Problem) Parse(string answer, string request)
    {
        var json = CodeBlocks.Json(answer);
        var verilog = CodeBlocks.Verilog(answer);
        if (json is null) return (null, "no ```json block with the spec");
        if (verilog is null) return (null, "no ```verilog block with the reference module");
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var top = root.TryGetProperty("top", out var t) ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(top)) return (null, "the spec has no \"top\"");
            if (CodeBlocks.ModuleName(verilog) != top) return (null, $"the reference module is not named \"{top}\"");
            return (new DesignSpec
            {
                Top = top,
                Description = root.TryGetProperty("description", out var d) ? d.GetString() ?? request : request,
                ReferenceOrigin = ReferenceOrigin.Architect,
                ReferenceTop = top,
                ReferenceVerilog = verilog,
                Clock = Optional(root, "clock"),
                Reset = Optional(root, "reset"),
                ResetActiveLow = root.TryGetProperty("reset_active_low", out var low) && low.ValueKind is JsonValueKind.True or JsonValueKind.False ? low.GetBoolean() : null,
            }, null);
        }
        catch (JsonException e)
        {
            return (null, $"the spec is not valid JSON ({e.Message})");
        }
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s && s != "null" ? s : null;
}

/// <summary>A model's answer that cannot be used even after asking again.</summary>
public sealed class LlmAnswerException(string message) : Exception(message);
