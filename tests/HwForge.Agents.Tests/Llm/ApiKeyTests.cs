using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class ApiKeyTests
{
    private const string Key = "sk-test-0123456789abcdef";

    [Fact]
    public async Task The_key_is_sent_as_a_bearer_token()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))) { ApiKey = Key });
        using var client = Scripted.Client(server, apiKey: Key);

        Assert.Equal("ok", (await client.GetResponseAsync([new(ChatRole.User, "hi")])).Text);
        Assert.Equal($"Bearer {Key}", server.ChatRequests.Single().Authorization);
    }

    [Fact]
    public async Task A_local_server_without_a_key_gets_no_authorization_header_at_all()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))));
        using var client = Scripted.Client(server);

        await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Null(server.ChatRequests.Single().Authorization);
    }

    [Fact]
    public void Printing_the_settings_never_shows_the_key()
    {
        var settings = new LlmSettings { Endpoint = new Uri("https://user:pw@api.example.test/v1"), Model = "gpt", ApiKey = Key };

        var printed = settings.ToString();

        Assert.DoesNotContain(Key, printed);
        Assert.DoesNotContain("pw", printed);
        Assert.Contains("ApiKey = (set)", printed);
        Assert.Contains("Model = gpt", printed);
        Assert.Contains("https://api.example.test/v1", printed);
    }

    [Fact]
    public async Task A_server_that_echoes_the_key_back_does_not_put_it_in_the_error()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Fail(401, $"Incorrect API key provided: {Key}"))));
        using var client = Scripted.Client(server, apiKey: Key);

        var error = await Assert.ThrowsAsync<LlmAuthenticationException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.DoesNotContain(Key, error.ToString());
        Assert.Contains("Incorrect API key provided: [redacted]", error.Message);
    }
}
