using HwForge.ScriptedLlm;

namespace HwForge.Cli.Tests.Batch;

/// <summary>
/// The environment's API key belongs to its own endpoint: a jobs file's <c>llm_endpoint</c> naming another server
/// sends that server no Authorization header, and the batch says why. Seen on the wire, over real HTTP.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class BatchKeyTests : IDisposable
{
    private const string Key = "sk-env-key-for-own-server-0123";

    private readonly HwForgeProcess _hwforge = new();

    // Every request is refused at once (400 is not retried), so each job ends after its first LLM call.
    private static Task<ScriptedLlmServer> StartAsync() =>
        ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Fail(400, "scripted refusal"))));

    [Fact]
    public async Task A_jobs_files_llm_endpoint_gets_no_key_configured_for_another_endpoint()
    {
        await using var own = await StartAsync();
        await using var other = await StartAsync();
        var jobs = _hwforge.WriteFile("jobs.yaml", $$"""
            defaults: {model: scripted, candidates: 1, optimize: 0, rounds: 0, timeout: 120}
            jobs:
              - {id: own, request: "a 4-bit counter", llm_endpoint: "{{own.BaseUrl}}"}
              - {id: elsewhere, request: "a 4-bit counter", llm_endpoint: "{{other.BaseUrl}}"}
            """);
        var environment = new Dictionary<string, string>
        {
            ["HWFORGE_LLM_ENDPOINT"] = own.BaseUrl,
            ["HWFORGE_LLM_API_KEY"] = Key,
        };

        var run = await _hwforge.RunAsync(["batch", jobs, "--out", Path.Combine(_hwforge.Home, "out"), "--parallel", "1"], environment);

        Assert.NotEmpty(other.ChatRequests);
        Assert.All(other.Requests, r => Assert.Null(r.Authorization));
        Assert.DoesNotContain(other.Requests, r => r.Headers.Values.Any(v => v.Contains(Key, StringComparison.Ordinal)));
        // The key still reaches the endpoint it was configured for.
        Assert.NotEmpty(own.ChatRequests);
        Assert.All(own.ChatRequests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
        Assert.Contains($"No API key is sent to {other.BaseUrl}", run.Error);
        Assert.DoesNotContain(Key, run.Output + run.Error);
    }

    [Fact]
    public async Task A_design_flag_naming_another_endpoint_gets_no_key_and_the_run_says_why()
    {
        await using var own = await StartAsync();
        await using var other = await StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["HWFORGE_LLM_ENDPOINT"] = own.BaseUrl,
            ["HWFORGE_LLM_API_KEY"] = Key,
        };

        var run = await _hwforge.RunAsync(["design", "a 4-bit counter", "--llm-endpoint", other.BaseUrl, "--model", "scripted", "--candidates", "1", "--optimize", "0"], environment);

        Assert.NotEmpty(other.ChatRequests);
        Assert.All(other.Requests, r => Assert.Null(r.Authorization));
        Assert.Empty(own.Requests);
        Assert.Contains($"No API key is sent to {other.BaseUrl} (from --llm-endpoint)", run.Error);
        Assert.DoesNotContain(Key, run.Output + run.Error);
    }

    public void Dispose() => _hwforge.Dispose();
}
