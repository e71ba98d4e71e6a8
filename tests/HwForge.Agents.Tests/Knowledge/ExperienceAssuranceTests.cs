using HwForge.Agents.Design;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Offline;
using HwForge.Agents.Runs;
using HwForge.KnowledgeBase;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Knowledge;

/// <summary>
/// The knowledge base learns only proven designs as verified experience: a design that was only simulated or
/// bounded never becomes an example of "verified code" for the next run's prompts.
/// </summary>
public sealed class ExperienceAssuranceTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    [Fact]
    public async Task A_design_only_simulated_is_not_recorded_as_verified_and_a_proven_one_is()
    {
        await using var store = await KnowledgeStores.OpenDefaultAsync(_host.Home.Data);
        var runner = new DesignRunner(_host.Host, _host.Versions, store);

        await using (var simulated = _host.NewRun(new RunOptions { Request = "an 8-bit adder", Candidates = 1, OptimizeRounds = 0, TargetOptions = new Dictionary<string, string> { ["formal"] = "off" } }))
        {
            var report = await runner.RunAsync(simulated, new OfflineCatalogStrategy(), default);
            Assert.Equal("not-proven", report.Status);
        }
        Assert.Empty(await store.SearchAsync("adder8 8-bit adder", 5, [KnowledgeKind.VerifiedDesign]));

        await using (var proven = _host.NewRun(new RunOptions { Request = "an 8-bit adder", Candidates = 1, OptimizeRounds = 0 }))
        {
            var report = await runner.RunAsync(proven, new OfflineCatalogStrategy(), default);
            Assert.Equal("verified", report.Status);
        }
        var hit = Assert.Single(await store.SearchAsync("adder8 8-bit adder", 5, [KnowledgeKind.VerifiedDesign]));
        Assert.Contains(ExperienceMemory.ProvenLine + "formally proven", hit.Text);
    }

    [Fact]
    public async Task A_repair_whose_result_is_only_bounded_is_recorded_as_not_proven()
    {
        await using var store = await KnowledgeStores.OpenDefaultAsync(_host.Home.Data);
        var failed = Judged("c001", "coder", null, Verdict.Fail, Assurance.None, "First mismatch at cycle 3: q = 0x4, expected 0x3 (en=0)");
        var repaired = Judged("c002", "repair", "c001", Verdict.Pass, Assurance.Bounded, "");
        var spec = new DesignSpec { Top = "counter4", Description = "4-bit counter with enable", ReferenceOrigin = ReferenceOrigin.User, Reference = DesignReference.Of(DesignArtifact.Single("rtl", "counter4", "reference.v", "module counter4; endmodule\n")) };

        await new ExperienceRecorder(store).RecordAsync("run-1", spec, [failed, repaired], "verilog", default);

        Assert.Empty(await store.SearchAsync("counter4 4-bit counter with enable", 5, [KnowledgeKind.VerifiedDesign]));
        var repair = Assert.Single(await store.SearchAsync("First mismatch at cycle 3 en=0", 5, [KnowledgeKind.Repair]));
        Assert.Contains("Result: no difference found, NOT PROVEN (bounded): no difference in 20 cycles from reset", repair.Text);
        Assert.DoesNotContain("verified", repair.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Prompts_leave_out_a_design_stored_as_verified_before_proofs_were_required()
    {
        await using var store = await KnowledgeStores.OpenDefaultAsync(_host.Home.Data);
        // What earlier versions stored: "verified" could mean three cycles of a bounded check.
        await store.AddAsync([new KnowledgeChunk("Verified design: rr_arbiter4: round-robin arbiter for four requesters",
            "Specification:\nrr_arbiter4: round-robin arbiter for four requesters\n\nPPA: 2038 µm²\n\nVerified code:\n```verilog\nmodule rr_arbiter4_legacy(); endmodule\n```",
            KnowledgeSource.Run("run-old", "c9"), KnowledgeKind.VerifiedDesign)]);
        await new ExperienceMemory(store).RecordVerifiedDesignAsync("run-new", "c1", "rr_arbiter4: round-robin arbiter for four requesters",
            "module rr_arbiter4_proven(); endmodule", "1990 µm²", "formally proven equivalent (IC3/PDR)");

        var prompt = await new KnowledgePrompts(store).RetrieveAsync("round-robin arbiter for four requesters", 4000, default);

        Assert.Contains("rr_arbiter4_proven", prompt);
        Assert.DoesNotContain("rr_arbiter4_legacy", prompt);
    }

    private static JudgedCandidate Judged(string id, string origin, string? parent, Verdict verdict, Assurance assurance, string feedback)
    {
        var shown = assurance == Assurance.Bounded ? "no difference in 20 cycles from reset (formal, bounded) and 1000 simulated cycles; not proven" : "";
        var outcome = new CandidateOutcome
        {
            Id = id, Verdict = verdict, FailureClass = verdict == Verdict.Pass ? FailureClass.None : FailureClass.FunctionalMismatch,
            Summary = verdict == Verdict.Pass ? shown : "differs from the reference", Shown = shown, Assurance = assurance, Feedback = feedback,
            Reward = 0, Tier = RewardTier.Unproven, RewardExplanation = "",
        };
        var proposal = new CandidateProposal
        {
            Id = id, Origin = origin, ParentId = parent, Notes = origin == "repair" ? "hold the count when en is low" : null,
            Design = DesignArtifact.Single("rtl", "counter4", "design.v", $"module counter4(input clk, input rst, input en, output reg [3:0] q); // {id}\nendmodule"),
        };
        return new JudgedCandidate(proposal, outcome);
    }

    public void Dispose() => _host.Dispose();
}
