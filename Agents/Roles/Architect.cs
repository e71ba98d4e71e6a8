using System.Text.Json;
using HwForge.Agents.Design;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Roles;

/// <summary>
/// Turns a request into a spec and a behavioural reference. A model wrote that reference, so the spec says
/// so (<see cref="ReferenceOrigin.Architect"/>) and the report asks a person to review it.
/// </summary>
internal sealed class Architect(RoleCall call, ITarget target, IPromptKnowledge? knowledge)
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
            var answer = await call.AskAsync("architect", "spec", target.Prompts.System("architect"), prompt, 0.2f, withTools: false, cancellation);
            (var spec, problem) = Parse(target, answer, request);
            // A reference that does not build, or lacks the clock or reset its spec names, would fail every candidate
            // as an error: the Architect hears why and writes it again, before any candidate is spent on it.
            if (spec is not null) problem = await target.CheckReferenceAsync(spec.Reference, spec.Hints, cancellation);
            if (spec is not null && problem is null) return spec;
            await call.SayAsync("architect", "spec", $"the Architect's spec could not be used: {problem}" + (attempt < Attempts ? "; asking again" : ""));
        }
        throw new LlmAnswerException($"the Architect's answer could not be used twice ({problem}); try another model, or give a spec file with your own reference");
    }

    internal static (DesignSpec? Spec, string? Problem) Parse(ITarget target, string answer, string request)
    {
        var json = CodeBlocks.Json(answer);
        if (json is null) return (null, "no ```json block with the spec");
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var top = root.TryGetProperty("top", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (string.IsNullOrWhiteSpace(top)) return (null, "the spec has no \"top\"");
            var reference = target.ReadAnswer(answer, top);
            if (reference.Design is not { } design) return (null, $"no reference: {reference.Problem}");
            if (target.TopOf(design) is { } declared && declared != top) return (null, $"the reference's top is not named \"{top}\"");
            return (new DesignSpec
            {
                Target = target.Name,
                Top = top,
                Description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() ?? request : request,
                ReferenceOrigin = ReferenceOrigin.Architect,
                Reference = DesignReference.Of(design with { Files = [.. design.Files.Select(f => f with { Path = "reference" + Path.GetExtension(f.Path) })] }),
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
