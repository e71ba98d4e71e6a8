using System.Diagnostics;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Supervisor;

/// <summary>
/// Counts what a run spends (LLM calls, tokens, wall time) against its <see cref="RunBudget"/>. Counts
/// recorded by earlier sessions of a resumed run are read back from its events, so a resume cannot spend
/// a budget twice; wall time counts this session only.
/// </summary>
public sealed class BudgetTracker
{
    private readonly RunBudget _budget;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _calls;
    private long _tokens;

    public BudgetTracker(RunBudget budget, IEnumerable<RunEvent> history)
    {
        _budget = budget;
        foreach (var call in history.OfType<LlmCallEvent>())
        {
            _calls++;
            _tokens += call.Usage.TotalTokens;
        }
    }

    public int LlmCalls => Volatile.Read(ref _calls);

    public long Tokens => Interlocked.Read(ref _tokens);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void RecordCall(long tokens)
    {
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _tokens, tokens);
    }

    /// <summary>Why the run must stop spending, or null while it may go on.</summary>
    public string? Exhausted()
    {
        if (_budget.MaxLlmCalls > 0 && LlmCalls >= _budget.MaxLlmCalls) return $"the LLM call budget ({_budget.MaxLlmCalls}) is spent";
        if (_budget.MaxTokens > 0 && Tokens >= _budget.MaxTokens) return $"the token budget ({_budget.MaxTokens}) is spent";
        if (_budget.MaxWallTime > TimeSpan.Zero && Elapsed >= _budget.MaxWallTime) return $"the time limit ({_budget.MaxWallTime:g}) is reached";
        return null;
    }
}
