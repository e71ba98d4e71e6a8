using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class ScriptedServerTests
{
    [Fact]
    public async Task The_scripted_server_runs_as_its_own_process_from_a_json_script()
    {
        var folder = Directory.CreateTempSubdirectory("hwforge-scripted-llm-").FullName;
        try
        {
            var script = Path.Combine(folder, "script.json");
            var log = Path.Combine(folder, "requests.jsonl");
            File.WriteAllText(script, """
                { "rules": [ { "match": "designer", "answers": [ { "text": "module top; endmodule" } ] } ] }
                """);
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "HwForge.ScriptedLlm.dll"), "--script", script, "--port", "0", "--log", log })
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            try
            {
                var url = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Matches(@"^http://127\.0\.0\.1:\d+/v1$", url);
                using var client = new OpenAiCompatibleChatClient(new LlmSettings { Endpoint = new Uri(url!), Model = "any" });

                var response = await client.GetResponseAsync([new(ChatRole.System, "You are the designer."), new(ChatRole.User, "go")]);

                Assert.Equal("module top; endmodule", response.Text);
                Assert.Contains("You are the designer.", File.ReadAllText(log));
            }
            finally
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_example_script_in_the_readme_folder_loads_and_plays()
    {
        var script = LlmScript.Load(Path.Combine(AppContext.BaseDirectory, "example-script.json"));
        await using var server = await ScriptedLlmServer.StartAsync(script);
        using var client = new OpenAiCompatibleChatClient(Scripted.Settings(server) with { RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        List<Microsoft.Extensions.AI.ChatMessage> designer = [new(ChatRole.System, "You are the designer."), new(ChatRole.User, "a counter")];

        var first = await client.GetResponseAsync(designer);
        var second = await client.GetResponseAsync(designer);
        var reviewer = await client.GetResponseAsync([new(ChatRole.System, "You are the reviewer."), new(ChatRole.User, "review")]);
        var exhausted = await Assert.ThrowsAsync<LlmRequestException>(() =>
            client.GetResponseAsync([new(ChatRole.System, "You are the reviewer."), new(ChatRole.User, "again")]));

        Assert.Equal("lint", first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().Name);
        Assert.StartsWith("module counter", second.Text);
        Assert.Equal("Looks right.", reviewer.Text);
        Assert.Contains("script exhausted", exhausted.Message);
    }

    [Fact]
    public async Task Embeddings_are_deterministic_and_close_for_similar_texts()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript());
        using var http = new HttpClient();

        var response = await http.PostAsJsonAsync($"{server.BaseUrl}/embeddings",
            new { model = "e", input = new[] { "a 4-bit up counter", "4-bit counter counting up", "UART transmitter", "a 4-bit up counter" } });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var vectors = body["data"]!.AsArray().Select(d => d!["embedding"]!.AsArray().Select(x => (float)x!).ToArray()).ToArray();

        Assert.All(vectors, v => Assert.Equal(64, v.Length));
        Assert.Equal(vectors[0], vectors[3]);
        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[2]) + 0.3);
        var models = JsonNode.Parse(await http.GetStringAsync($"{server.BaseUrl}/models"))!;
        Assert.Equal("scripted", (string?)models["data"]![0]!["id"]);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
