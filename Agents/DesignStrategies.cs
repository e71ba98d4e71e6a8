using HwForge.Agents.Llm;
using HwForge.Agents.Offline;
using HwForge.Agents.Roles;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;

namespace HwForge.Agents;

/// <summary>Picks the strategy a run was started with: the offline catalog, or the LLM roles at the configured endpoint.</summary>
public static class DesignStrategies
{
    /// <summary>
    /// For an LLM run, the endpoint and model recorded in <c>run.json</c> win (a resumed run talks to the same
    /// model); the key always comes from the environment or config file, never from the run folder.
    /// </summary>
    public static IDesignStrategy For(RunOptions options, LlmSettings configured, ToolHost host, ToolVersions versions, IPromptKnowledge? knowledge)
    {
        if (options.Mode == DesignMode.Offline)
            return HlsCatalogStrategy.Serves(options.Target) ? new HlsCatalogStrategy()
                : CudaCatalogStrategy.Serves(options.Target) ? new CudaCatalogStrategy()
                : new OfflineCatalogStrategy();
        var settings = (configured with
        {
            Endpoint = options.LlmEndpoint is { } endpoint ? new Uri(endpoint) : configured.Endpoint,
            Model = options.Model ?? configured.Model,
        }).RequireConfigured();
        var chat = new OpenAiCompatibleChatClient(settings);
        return new LlmDesignStrategy(chat, $"the LLM {settings.Model} at {settings.DisplayEndpoint}", knowledge);
    }
}
