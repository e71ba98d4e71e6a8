using HwForge.Agents.Runs;

namespace HwForge.Cli.Commands;

/// <summary>One line on stderr per run event worth a person's attention, as it happens.</summary>
public static class ProgressPrinter
{
    public static void Print(TextWriter error, RunEvent e)
    {
        if (Line(e) is not { } line) return;
        lock (error) error.WriteLine(line);
    }

    /// <summary>The line a person sees for <paramref name="e"/> (on stderr, or as an MCP progress message); null for none.</summary>
    public static string? Line(RunEvent e) => e switch
    {
        StageEvent => $"== {e.Stage}: {e.Message}",
        CandidateProposedEvent => $"   {e.Candidate} proposed by {e.Role}: {e.Message}",
        CandidateJudgedEvent => $"   {e.Candidate} {e.Message}",
        CandidateProgressEvent => $"   {e.Candidate} … {e.Message}",
        MessageEvent => $"   [{e.Role}] {FirstLine(e.Message)}",
        LlmCallEvent => $"   [{e.Role}] {e.Message}",
        ToolCallEvent => $"   [{e.Role}] {e.Message}",
        BudgetExhaustedEvent => $"!! {e.Message}",
        // A failed run's reason is printed once, by the command, as its error.
        RunFailedEvent => null,
        RunOpenedEvent or RunFinishedEvent => $"-- {e.Message}",
        _ => null,
    };

    private static string FirstLine(string? text)
    {
        var first = (text ?? "").Split('\n')[0];
        return first.Length > 160 ? first[..160] + "…" : first;
    }
}
