using Microsoft.Extensions.AI;

namespace HwForge.Agents.Llm;

/// <summary>
/// Counts LLM calls and tokens, in total and per agent role, from any number of threads. A client
/// given a ledger records every call itself; the role comes from <see cref="ForRole"/>.
/// </summary>
internal sealed class TokenLedger
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key naming the role a call is made for.</summary>
    public const string RoleProperty = "hwforge.role";

    public const string UnassignedRole = "unassigned";

    private readonly List<LlmCallRecord> _calls = [];
    private readonly Lock _lock = new();

    /// <summary>A copy of <paramref name="options"/> (or new options) tagged with the role the call is made for.</summary>
    public static ChatOptions ForRole(string role, ChatOptions? options = null)
    {
        var tagged = options?.Clone() ?? new ChatOptions();
        tagged.AdditionalProperties = tagged.AdditionalProperties?.Clone() ?? [];
        tagged.AdditionalProperties[RoleProperty] = role;
        return tagged;
    }

    public static string RoleOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(RoleProperty, out var role) == true && role?.ToString() is { Length: > 0 } name ? name : UnassignedRole;

    /// <summary>Records one finished call; usage is null when the server reported none.</summary>
    public void Record(string role, string model, UsageDetails? usage, TimeSpan duration)
    {
        var call = new LlmCallRecord(DateTimeOffset.UtcNow, role, model, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, usage is not null, duration);
        lock (_lock) _calls.Add(call);
    }

    public TokenLedgerSnapshot Snapshot()
    {
        LlmCallRecord[] calls;
        lock (_lock) calls = [.. _calls];
        var byRole = calls.GroupBy(c => c.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => TokenTally.Of(g), StringComparer.Ordinal);
        return new TokenLedgerSnapshot(TokenTally.Of(calls), byRole, calls);
    }
}

/// <summary>One call: who made it, for which model, what it cost and how long it took.</summary>
internal sealed record LlmCallRecord(DateTimeOffset FinishedAt, string Role, string Model, long InputTokens, long OutputTokens, bool UsageReported, TimeSpan Duration);

/// <summary>Calls and tokens added up.</summary>
internal sealed record TokenTally(int Calls, long InputTokens, long OutputTokens, int CallsWithoutUsage)
{
    public long TotalTokens => InputTokens + OutputTokens;

    public static TokenTally Of(IEnumerable<LlmCallRecord> calls)
    {
        var list = calls as IReadOnlyCollection<LlmCallRecord> ?? calls.ToList();
        return new(list.Count, list.Sum(c => c.InputTokens), list.Sum(c => c.OutputTokens), list.Count(c => !c.UsageReported));
    }
}

/// <summary>The ledger at one moment, for run reports.</summary>
internal sealed record TokenLedgerSnapshot(TokenTally Total, IReadOnlyDictionary<string, TokenTally> ByRole, IReadOnlyList<LlmCallRecord> Calls);
