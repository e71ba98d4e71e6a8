using HwForge.Agents.Llm;
using HwForge.Agents.Offline;
using HwForge.Agents.Roles;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;

namespace HwForge.Agents;

/// <summary>Picks the strategy a run was started with: the offline catalog, or the LLM roles at the configured endpoint.</summary>
public static class DesignStrategies
{
    /// <summary>
    /// Throws the refusal an offline run would meet, before a run folder exists: it reads the same catalog the run's
    /// target hands the strategy (<see cref="ITarget.Catalog"/>), so the early refusal and the run cannot disagree.
    /// </summary>
    public static void CheckOffline(RunOptions options) => OfflineCatalogStrategy.Check(options, TargetRegistry.ShippedCatalog(options.Target), RequestByMeaning.Shipped);

    /// <summary>
    /// For an LLM run, the endpoint and model recorded in <c>run.json</c> win (a resumed run talks to the same
    /// model); the key always comes from the environment or config file, never from the run folder.
    /// </summary>
    public static IDesignStrategy For(RunOptions options, LlmSettings configured, ToolHost host, ToolVersions versions, IPromptKnowledge? knowledge)
    {
        if (options.Mode == DesignMode.Offline)
            return new OfflineCatalogStrategy(TargetRegistry.ShippedCatalog(options.Target)?.Name, RequestByMeaning.Shipped);
        var settings = (configured with
        {
            Endpoint = options.LlmEndpoint is { } endpoint ? new Uri(endpoint) : configured.Endpoint,
            Model = options.Model ?? configured.Model,
        }).RequireConfigured();
        var chat = new OpenAiCompatibleChatClient(settings);
        return new LlmDesignStrategy(chat, $"the LLM {settings.Model} at {settings.DisplayEndpoint}", knowledge);
    }
}
