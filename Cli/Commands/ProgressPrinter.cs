using HwForge.Agents.Runs;

namespace HwForge.Cli.Commands;

/// <summary>One line on stderr per run event worth a person's attention, as it happens.</summary>
public static class ProgressPrinter
{
    public static void Print(TextWriter error, RunEvent e)
    {
        var line = e.Type switch
        {
            RunEventTypes.Stage => $"== {e.Stage}: {e.Message}",
            RunEventTypes.CandidateProposed => $"   {e.Candidate} proposed by {e.Role}: {e.Message}",
            RunEventTypes.CandidateJudged => $"   {e.Candidate} {e.Message}",
            RunEventTypes.Message => $"   [{e.Role}] {FirstLine(e.Message)}",
            RunEventTypes.LlmCall => $"   [{e.Role}] {e.Message}",
            RunEventTypes.BudgetExhausted => $"!! {e.Message}",
            // A failed run's reason is printed once, by the command, as its error.
            RunEventTypes.RunFailed => null,
            RunEventTypes.RunStarted or RunEventTypes.RunResumed or RunEventTypes.RunFinished => $"-- {e.Message}",
            _ => null,
        };
        if (line is null) return;
        lock (error) error.WriteLine(line);
    }

    private static string FirstLine(string? text)
    {
        var first = (text ?? "").Split('\n')[0];
        return first.Length > 160 ? first[..160] + "…" : first;
    }
}
