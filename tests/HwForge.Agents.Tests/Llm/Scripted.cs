using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;

namespace HwForge.Agents.Tests.Llm;

/// <summary>Settings pointing at a scripted server, with retry waits short enough for tests.</summary>
internal static class Scripted
{
    public const string Model = "scripted";

    public static LlmSettings Settings(ScriptedLlmServer server, string? apiKey = null) => new()
    {
        Endpoint = new Uri(server.BaseUrl),
        Model = Model,
        ApiKey = apiKey,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
        EndpointSource = "test",
    };

    public static OpenAiCompatibleChatClient Client(ScriptedLlmServer server, TokenLedger? ledger = null, string? apiKey = null) =>
        new(Settings(server, apiKey), ledger);
}
