namespace HwForge.WebUI.Runs;

/// <summary>
/// How a run's outcome is named on its page and in the history, as a CSS class and as words. Only a proof is
/// "verified"; a status this page does not know (an older run) reads as not verified, never as verified.
/// </summary>
public static class RunWords
{
    public static string Phase(bool active, RunPhase phase, string? status) => active ? "running" : phase switch
    {
        RunPhase.Finished => status switch
        {
            "verified" => "verified",
            "not-proven" => "not-proven",
            "not-judged" => "not-judged",
            _ => "not-verified",
        },
        RunPhase.Failed => "failed",
        _ => "stopped",
    };

    /// <summary>The phase in words: "not-proven" reads "not proven".</summary>
    public static string Text(string phase) => phase.Replace('-', ' ');
}
