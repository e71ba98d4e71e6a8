using HwForge.Agents.Llm;
using HwForge.WebUI.Runs;
using HwForge.WebUI.Settings;
using Microsoft.AspNetCore.Components;

namespace HwForge.WebUI.Components.Pages;

/// <summary>
/// The server's LLM, set from the page: endpoint, model and an optional key that is written to the server and never
/// sent back (the field is always empty). A plain form, so it works without script. Whoever can open this page can
/// already start runs on this server (it answers loopback names only, or holders of its token).
/// </summary>
public partial class SettingsPage
{
    [Inject] public required RunService Runs { get; set; }

    [SupplyParameterFromForm(FormName = "llm")] public string? Endpoint { get; set; }

    [SupplyParameterFromForm(FormName = "llm")] public string? Model { get; set; }

    [SupplyParameterFromForm(FormName = "llm")] public string? ApiKey { get; set; }

    [SupplyParameterFromForm(FormName = "llm")] public bool? ForgetKey { get; set; }

    [SupplyParameterFromForm(FormName = "llm")] public bool? Save { get; set; }

    private IReadOnlyList<string> _problems = [];
    private string? _done;

    private void Apply()
    {
        var (settings, problems) = LlmSettingsForm.Apply(Runs.Llm, new LlmFormInput(Endpoint, Model, ApiKey, ForgetKey == true));
        ApiKey = null; // never rendered back, even after a refusal
        if (settings is null)
        {
            _problems = problems;
            return;
        }
        var saved = "";
        if (Save == true)
        {
            try
            {
                LlmConfigFile.Save(Runs.Home, settings.Endpoint!, settings.Model!, settings.KeyForEndpoint, ForgetKey == true);
                saved = $" Saved in {LlmConfigFile.PathIn(Runs.Home)}.";
                if (Environment.GetEnvironmentVariable(LlmSettings.EndpointVariable) is { Length: > 0 })
                    saved += $" {LlmSettings.EndpointVariable} is set in this server's environment, and wins over the file when HwForge starts.";
            }
            catch (Exception e) when (e is LlmConfigurationException or IOException or UnauthorizedAccessException)
            {
                _problems = [$"The settings were not changed: {e.Message}"];
                return;
            }
        }
        Runs.UseLlm(settings);
        _done = $"New runs use the LLM {settings.Model} at {settings.DisplayEndpoint}.{saved}";
    }

    private void TurnOff()
    {
        Runs.UseLlm(new LlmSettings());
        _done = "New runs use the offline catalog.";
    }
}
