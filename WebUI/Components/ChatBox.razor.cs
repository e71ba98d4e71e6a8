using HwForge.Tools.Foundation;
using HwForge.Tools.Reward;
using HwForge.WebUI.Hosting;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Components;

/// <summary>
/// The message box: a request starts a run and opens its page. Empty and over-long messages are refused here
/// (and in the browser before sending), as is a run past the session's or server's limit, with a sentence saying why.
/// </summary>
public partial class ChatBox
{
    [Inject] public required RunService Runs { get; set; }

    [Inject] public required NavigationManager Navigation { get; set; }

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromForm(FormName = "chat")] public string? Text { get; set; }

    [SupplyParameterFromForm(FormName = "chat")] public int? Candidates { get; set; }

    [SupplyParameterFromForm(FormName = "chat")] public int? OptimizeRounds { get; set; }

    [SupplyParameterFromForm(FormName = "chat")] public bool? Offline { get; set; }

    /// <summary>The run this message follows up (the run page's own), posted back by the form.</summary>
    [SupplyParameterFromForm(FormName = "chat")] public string? Refines { get; set; }

    /// <summary>On a run page: that run's id, so a message there refines its design instead of starting afresh.</summary>
    [Parameter] public string? FollowsRun { get; set; }

    private string? _error;

    private string Hint => $"Describe the hardware in plain words (up to {Runs.Options.MaxRequestChars} characters). Send is off until you type something; Enter sends, Shift+Enter starts a new line.";

    private void Send()
    {
        var text = Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            _error = "Type a request first: the message is empty.";
            return;
        }
        if (text.Length > Runs.Options.MaxRequestChars)
        {
            _error = $"That message is {text.Length:N0} characters long; the limit is {Runs.Options.MaxRequestChars:N0}. Describe the design in fewer words.";
            Text = null;
            return;
        }
        // A follow-up that names a design of its own ("an 8-bit adder") starts afresh. Any other is said first and the earlier request after it: the request reader takes the first figure it
        // finds ("3 pipeline stages" over "2"), and an LLM reads it as a change to the earlier design.
        var owner = SessionOwner.Of(HttpContext!);
        ObjectiveWeights? objectives = null;
        string? said = null;
        if (Refines is { Length: > 0 } earlier && HwForge.Tools.Targets.TargetRegistry.ShippedCatalog(null)?.Read(text).Family is null && Runs.PathOf(owner, earlier) is { } earlierPath && RunFiles.Request(earlierPath) is { } previous)
        {
            // "make it smaller" weighs area; a follow-up naming no objective keeps the earlier run's weights.
            (objectives, said) = FollowUpObjectives.Read(text, RunFiles.Objectives(earlierPath) ?? ObjectiveWeights.Equal);
            text = $"{text} (refining: {previous})";
        }
        string id;
        try
        {
            id = Runs.Start(owner, text, Candidates ?? Runs.Options.Defaults.Candidates,
                OptimizeRounds ?? Runs.Options.Defaults.OptimizeRounds, Offline == true, objectives, said);
        }
        catch (HwForgeException e) when (e.Kind == ProblemKind.InvalidInput)
        {
            _error = RunWords.ForBrowser(e.Message, Runs.LlmConfigured); // worded with the form's names by the run service
            return;
        }
        catch (RunLimitException e)
        {
            _error = e.Message; // the request stays in the box, to send again later
            return;
        }
        Navigation.NavigateTo($"/runs/{id}");
    }
}
