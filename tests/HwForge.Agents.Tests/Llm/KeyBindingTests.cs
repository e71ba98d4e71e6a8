using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using HwForge.Tools.Foundation;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

/// <summary>A key goes only to the endpoint it was configured for, checked on the wire against two real servers.</summary>
public sealed class KeyBindingTests : IDisposable
{
    private const string Key = "sk-bound-to-a-0123456789";

    private readonly HwForgeHome _home = new(Directory.CreateTempSubdirectory("hwforge-key-binding-").FullName);
    private readonly Dictionary<string, string> _environment = [];

    public void Dispose() => Directory.Delete(_home.Root, recursive: true);

    private LlmSettings Resolve(string? endpoint = null) =>
        LlmSettings.Resolve(endpoint, "scripted", name => _environment.GetValueOrDefault(name), _home) with { MaxRetries = 0 };

    private static Task<ScriptedLlmServer> StartAsync(string? requiredKey = null) =>
        ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))) { ApiKey = requiredKey });

    private static async Task AskAsync(LlmSettings settings)
    {
        using var client = new OpenAiCompatibleChatClient(settings);
        await client.GetResponseAsync([new(ChatRole.User, "hi")]);
    }

    [Fact]
    public async Task The_environments_key_goes_to_its_own_endpoint_and_a_flag_naming_another_server_gets_no_authorization_header()
    {
        await using var own = await StartAsync();
        await using var other = await StartAsync();
        _environment[LlmSettings.EndpointVariable] = own.BaseUrl;
        _environment[LlmSettings.ApiKeyVariable] = Key;

        await AskAsync(Resolve());
        await AskAsync(Resolve(own.BaseUrl + "/"));   // the same endpoint named by a flag is still its endpoint
        var elsewhere = Resolve(other.BaseUrl);       // what a jobs file's llm_endpoint becomes
        await AskAsync(elsewhere);

        Assert.All(own.ChatRequests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
        Assert.Equal(2, own.ChatRequests.Count);
        Assert.Null(other.ChatRequests.Single().Authorization);
        Assert.DoesNotContain(other.Requests, r => r.Headers.Values.Any(v => v.Contains(Key, StringComparison.Ordinal)));
        Assert.Contains($"No API key is sent to {other.BaseUrl}", elsewhere.KeyWithheld);
        Assert.Contains($"{LlmSettings.ApiKeyVariable} is for {own.BaseUrl}", elsewhere.KeyWithheld);
        Assert.Contains("ApiKey = (none)", elsewhere.ToString());
    }

    [Fact]
    public async Task Without_an_endpoint_variable_the_environments_key_is_for_OpenAI_only()
    {
        await using var local = await StartAsync();
        _environment[LlmSettings.ApiKeyVariable] = Key;

        var settings = Resolve(local.BaseUrl);
        await AskAsync(settings);

        Assert.Null(local.ChatRequests.Single().Authorization);
        Assert.Contains($"is for {LlmSettings.DefaultOpenAiEndpoint}", settings.KeyWithheld);
        Assert.Contains(LlmSettings.EndpointVariable, settings.KeyWithheld);
        Assert.Equal(Key, Resolve(LlmSettings.DefaultOpenAiEndpoint).KeyForEndpoint);
    }

    [Fact]
    public async Task A_copy_of_the_settings_aimed_at_another_endpoint_does_not_take_the_key_along()
    {
        await using var own = await StartAsync();
        await using var other = await StartAsync();
        var settings = new LlmSettings { Endpoint = new Uri(own.BaseUrl), Model = "scripted", ApiKey = Key, MaxRetries = 0 };

        // As a resumed run does with the endpoint recorded in its run.json.
        var moved = settings with { Endpoint = new Uri(other.BaseUrl) };
        await AskAsync(moved);
        await AskAsync(moved with { Endpoint = new Uri(own.BaseUrl) });

        Assert.Null(other.ChatRequests.Single().Authorization);
        Assert.Equal($"Bearer {Key}", own.ChatRequests.Single().Authorization);
        Assert.Contains($"No API key is sent to {other.BaseUrl}", moved.KeyWithheld);
        Assert.DoesNotContain(Key, moved.ToString());
    }

    [Fact]
    public async Task An_endpoint_that_needs_a_key_it_was_not_given_says_which_key_was_kept_back_and_how_to_give_one()
    {
        await using var own = await StartAsync();
        await using var strict = await StartAsync(requiredKey: "sk-the-strict-servers-own");
        _environment[LlmSettings.EndpointVariable] = own.BaseUrl;
        _environment[LlmSettings.ApiKeyVariable] = Key;

        var error = await Assert.ThrowsAsync<LlmAuthenticationException>(() => AskAsync(Resolve(strict.BaseUrl)));

        Assert.Contains("requires an API key", error.Message);
        Assert.Contains($"No API key is sent to {strict.BaseUrl}", error.Message);
        Assert.Contains($"set {LlmSettings.EndpointVariable} to it", error.Message);
        Assert.DoesNotContain(Key, error.ToString());
        Assert.Null(strict.ChatRequests.Single().Authorization);
    }
}
