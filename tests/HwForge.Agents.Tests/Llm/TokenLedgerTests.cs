using HwForge.Agents.Llm;
using HwForge.ScriptedLlm;
using Microsoft.Extensions.AI;

namespace HwForge.Agents.Tests.Llm;

public sealed class TokenLedgerTests
{
    [Fact]
    public async Task Every_call_is_counted_under_the_role_that_made_it()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(
            ScriptRule.When("You are the designer", new ScriptAnswer { Text = "module m; endmodule", PromptTokens = 100, CompletionTokens = 40 }),
            ScriptRule.When("You are the reviewer", new ScriptAnswer { Text = "looks fine", PromptTokens = 70, CompletionTokens = 5 })));
        var ledger = new TokenLedger();
        using var client = Scripted.Client(server, ledger);

        // Designers and reviewers call at once, some streaming: each gets its own script and its own tally.
        var calls = Enumerable.Range(0, 6).Select(async i =>
        {
            var role = i % 2 == 0 ? "designer" : "reviewer";
            List<Microsoft.Extensions.AI.ChatMessage> messages = [new(ChatRole.System, $"You are the {role}."), new(ChatRole.User, $"task {i}")];
            var options = TokenLedger.ForRole(role);
            if (i < 4) return (role, (await client.GetResponseAsync(messages, options)).Text);
            var text = "";
            await foreach (var update in client.GetStreamingResponseAsync(messages, options)) text += update.Text;
            return (role, text);
        });
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, a => Assert.Equal(a.role == "designer" ? "module m; endmodule" : "looks fine", a.Item2));
        var snapshot = ledger.Snapshot();
        Assert.Equal(new TokenTally(6, 3 * 100 + 3 * 70, 3 * 40 + 3 * 5, 0), snapshot.Total);
        Assert.Equal(new TokenTally(3, 300, 120, 0), snapshot.ByRole["designer"]);
        Assert.Equal(new TokenTally(3, 210, 15, 0), snapshot.ByRole["reviewer"]);
        Assert.Equal(6, snapshot.Calls.Count);
        Assert.All(snapshot.Calls, c => Assert.Equal(Scripted.Model, c.Model));
        Assert.Equal(120 + 300, snapshot.ByRole["designer"].TotalTokens);
    }

    [Fact]
    public async Task An_untagged_call_is_counted_as_unassigned_and_options_are_not_changed_by_tagging()
    {
        await using var server = await ScriptedLlmServer.StartAsync(new LlmScript(ScriptRule.Always(ScriptAnswer.Reply("ok"))));
        var ledger = new TokenLedger();
        using var client = Scripted.Client(server, ledger);
        var shared = new ChatOptions { Temperature = 0.5f };

        await client.GetResponseAsync([new(ChatRole.User, "hi")], shared);
        await client.GetResponseAsync([new(ChatRole.User, "hi")], TokenLedger.ForRole("tester", shared));

        Assert.Null(shared.AdditionalProperties);
        var snapshot = ledger.Snapshot();
        Assert.Equal(1, snapshot.ByRole[TokenLedger.UnassignedRole].Calls);
        Assert.Equal(1, snapshot.ByRole["tester"].Calls);
        Assert.DoesNotContain(TokenLedger.RoleProperty, server.ChatRequests[1].Body);
    }
}
