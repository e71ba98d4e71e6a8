using HwForge.Tools.Foundation;

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

    /// <summary>
    /// A message that advises configuring an LLM (<see cref="LlmSetupAdvice"/>: set the variables or the config file)
    /// said for a browser instead: a page user cannot set the server's environment, so it points to the settings page, says who can set the rest, and what works meanwhile.
    /// </summary>
    public static string? ForBrowser(string? message, bool llmConfigured)
    {
        if (message is null) return null;
        var flag = message.IndexOf(LlmSetupAdvice.Where, StringComparison.Ordinal);
        if (flag < 0) return message;
        var cut = message.LastIndexOfAny([':', '.', ';'], flag);
        var said = (cut < 0 ? "" : message[..cut].TrimEnd()) is { Length: > 0 } kept ? kept + ". " : "";
        return said + (llmConfigured
            ? "The LLM did not answer; check its endpoint and model on the LLM settings page (/settings), or whoever runs `hwforge serve` checks HWFORGE_LLM_ENDPOINT, HWFORGE_LLM_MODEL or \"llm\" in $HWFORGE_HOME/config.json."
            : "This server has no LLM, so the page can only use the offline catalog. To use one, set its endpoint and model on the LLM settings page (/settings), or whoever runs `hwforge serve` sets HWFORGE_LLM_ENDPOINT and HWFORGE_LLM_MODEL (or \"llm\" in $HWFORGE_HOME/config.json); the page then says which LLM it uses. Meanwhile ask for a catalog design, e.g. an 8-bit adder, a 16-bit signed MAC, a FIFO or a FIR filter.");
    }

    /// <summary>The phase in words: "not-proven" reads "not proven".</summary>
    public static string Text(string phase) => phase.Replace('-', ' ');
}
