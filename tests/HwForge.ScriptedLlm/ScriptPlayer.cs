namespace HwForge.ScriptedLlm;

/// <summary>The outcome of looking a request up in the script: an answer, or why there is none.</summary>
internal sealed record ScriptPick(ScriptAnswer? Answer, string? Problem);

/// <summary>
/// Replays a script. Each rule keeps its own position, so concurrent callers with different system
/// prompts (different agent roles) each get their own sequence, whatever the interleaving.
/// </summary>
internal sealed class ScriptPlayer(LlmScript script)
{
    private readonly int[] _served = new int[script.Rules.Count];
    private readonly Lock _lock = new();

    public ScriptPick Next(string system, string lastUser)
    {
        for (var i = 0; i < script.Rules.Count; i++)
        {
            var rule = script.Rules[i];
            if (!Matches(rule, system, lastUser)) continue;
            if (rule.Answers.Count == 0) return new(null, $"rule {i} ('{rule.Match}') has no answers");
            lock (_lock)
            {
                var position = _served[i]++;
                if (position < rule.Answers.Count) return new(rule.Answers[position], null);
                return rule.ErrorWhenExhausted
                    ? new(null, $"script exhausted: rule {i} ('{rule.Match}') had {rule.Answers.Count} answers")
                    : new(rule.Answers[^1], null);
            }
        }
        return new(null, $"no rule matches system '{Clip(system)}' / last user message '{Clip(lastUser)}'");
    }

    private static bool Matches(ScriptRule rule, string system, string lastUser) =>
        string.IsNullOrEmpty(rule.Match) || rule.In switch
        {
            MatchIn.System => system.Contains(rule.Match, StringComparison.Ordinal),
            MatchIn.User => lastUser.Contains(rule.Match, StringComparison.Ordinal),
            _ => system.Contains(rule.Match, StringComparison.Ordinal) || lastUser.Contains(rule.Match, StringComparison.Ordinal),
        };

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
