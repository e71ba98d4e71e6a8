using System.ComponentModel;
using System.Text.Json.Nodes;
using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class ChatClientTests
{
    [Fact]
    public async Task I_get_the_models_answer_with_its_token_usage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("counter", ScriptAnswer.Reply("module counter; endmodule"))));
        using var client = Scripted.Client(server);

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "You write Verilog."), new(ChatRole.User, "Write a counter.")]);

        Assert.Equal("module counter; endmodule", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(Scripted.Model, response.ModelId);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.Equal(response.Usage!.InputTokenCount + 3, response.Usage.TotalTokenCount);
        var sent = server.ChatRequests.Single().Json!;
        Assert.Equal("scripted", (string?)sent["model"]);
        Assert.Equal(["system", "user"], sent["messages"]!.AsArray().Select(m => (string?)m!["role"]));
    }

    [Fact]
    public async Task A_streamed_answer_arrives_in_pieces_and_ends_with_its_usage()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.Reply("always @(posedge clk) q <= q + 1;"))));
        using var client = Scripted.Client(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "count")]))
            updates.Add(update);

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 5, "the text should arrive word by word");
        Assert.Equal("always @(posedge clk) q <= q + 1;", string.Concat(updates.Select(u => u.Text)));
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.True(usage.OutputTokenCount > 0);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
        var response = updates.ToChatResponse();
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(true, (bool?)server.ChatRequests.Single().Json!["stream_options"]?["include_usage"]);
    }

    [Description("Reads a Verilog source file and reports lint warnings.")]
    private static string Lint([Description("The file to lint")] string file, int maxWarnings) => $"{file}: 0 warnings (limit {maxWarnings})";

    [Fact]
    public async Task The_model_can_call_a_tool_and_read_its_result()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("Lint", ScriptAnswer.CallTool("Lint", new { file = "top.v", maxWarnings = 5 }), ScriptAnswer.Reply("The design is clean."))));
        using var client = Scripted.Client(server);
        var lint = AIFunctionFactory.Create(Lint);
        var options = new ChatOptions { Tools = [lint], ToolMode = ChatToolMode.RequireAny };
        List<Microsoft.Extensions.AI.ChatMessage> history = [new(ChatRole.User, "Lint top.v please")];

        var first = await client.GetResponseAsync(history, options);
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        Assert.Equal("Lint", call.Name);
        var result = await lint.InvokeAsync(new AIFunctionArguments(call.Arguments));
        history.AddRange(first.Messages);
        history.Add(new(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
        var second = await client.GetResponseAsync(history, options);

        Assert.Equal("The design is clean.", second.Text);
        var firstRequest = server.ChatRequests[0].Json!;
        var tool = firstRequest["tools"]![0]!["function"]!;
        Assert.Equal("Lint", (string?)tool["name"]);
        Assert.Equal("Reads a Verilog source file and reports lint warnings.", (string?)tool["description"]);
        Assert.Equal("string", (string?)tool["parameters"]!["properties"]!["file"]!["type"]);
        Assert.Equal("required", (string?)firstRequest["tool_choice"]);
        var messages = server.ChatRequests[1].Json!["messages"]!.AsArray();
        var assistant = messages.Single(m => (string?)m!["role"] == "assistant")!;
        Assert.Equal(call.CallId, (string?)assistant["tool_calls"]![0]!["id"]);
        var toolMessage = messages.Single(m => (string?)m!["role"] == "tool")!;
        Assert.Equal(call.CallId, (string?)toolMessage["tool_call_id"]);
        Assert.Contains("top.v: 0 warnings (limit 5)", toolMessage["content"]!.ToJsonString());
    }

    [Fact]
    public async Task A_streamed_tool_call_is_assembled_from_its_pieces()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.Always(ScriptAnswer.CallTool("verify", new { top = "counter", cycles = 100 }, id: "call_7"))));
        using var client = Scripted.Client(server);

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "verify")], new ChatOptions { Tools = [AIFunctionFactory.Create(Lint)] }))
            updates.Add(update);

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().Single();
        Assert.Equal(("call_7", "verify"), (call.CallId, call.Name));
        Assert.Equal("counter", call.Arguments!["top"]!.ToString());
        Assert.Equal("100", call.Arguments["cycles"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, updates.ToChatResponse().FinishReason);
    }

    [Fact]
    public async Task Chat_options_reach_the_server()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))));
        using var client = Scripted.Client(server);

        await client.GetResponseAsync([new(ChatRole.User, "hi")], new ChatOptions
        {
            Temperature = 0.2f,
            MaxOutputTokens = 321,
            StopSequences = ["endmodule"],
            Instructions = "Answer in Verilog only.",
            ModelId = "other-model",
            ResponseFormat = ChatResponseFormat.Json,
        });

        var sent = server.ChatRequests.Single().Json!;
        Assert.Equal(0.2, (double)sent["temperature"]!, 3);
        // Both names: Ollama and LM Studio read only max_tokens, the SDK writes only max_completion_tokens.
        Assert.Equal((321, 321), ((int)sent["max_completion_tokens"]!, (int)sent["max_tokens"]!));
        Assert.Equal("endmodule", (string?)sent["stop"]![0]);
        Assert.Equal("other-model", (string?)sent["model"]);
        Assert.Equal("json_object", (string?)sent["response_format"]!["type"]);
        var first = sent["messages"]![0]!;
        Assert.Equal(("system", "Answer in Verilog only."), ((string?)first["role"], ContentText(first["content"])));
    }

    [Fact]
    public async Task An_answer_cut_by_the_token_limit_says_so()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("one two three four five"))));
        using var client = Scripted.Client(server);
        var options = new ChatOptions { MaxOutputTokens = 2 };

        var whole = await client.GetResponseAsync([new(ChatRole.User, "count")], options);
        var streamed = await client.GetStreamingResponseAsync([new(ChatRole.User, "count")], options).ToChatResponseAsync();

        Assert.Equal(("one two ", ChatFinishReason.Length), (whole.Text, whole.FinishReason));
        Assert.Equal(("one two ", ChatFinishReason.Length), (streamed.Text, streamed.FinishReason));
    }

    [Fact]
    public async Task A_base_url_pasted_with_a_trailing_slash_works()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))));
        var home = Directory.CreateTempSubdirectory("hwforge-llm-home-");
        var settings = LlmSettings.Resolve(server.BaseUrl + "/", Scripted.Model, _ => null, new HwForge.Tools.Foundation.HwForgeHome(home.FullName));
        home.Delete();
        using var client = new OpenAiCompatibleChatClient(settings);

        Assert.Equal("ok", (await client.GetResponseAsync([new(ChatRole.User, "hi")])).Text);
        Assert.Equal("/v1/chat/completions", server.ChatRequests.Single().Path);
    }

    [Fact]
    public void The_client_describes_itself_through_GetService()
    {
        using var client = new OpenAiCompatibleChatClient(new LlmSettings { Endpoint = new Uri("http://127.0.0.1:9/v1"), Model = "m" });

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.Equal(("openai-compatible", "m"), (metadata?.ProviderName, metadata?.DefaultModelId));
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), metadata?.ProviderUri);
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.NotNull(client.GetService<OpenAI.Chat.ChatClient>());
        Assert.Null(client.GetService<IChatClient>("some key"));
        Assert.Null(client.GetService<string>());
        Assert.Throws<ArgumentNullException>(() => client.GetService(null!));
    }

    private static string? ContentText(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value,
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
        _ => null,
    };
}
