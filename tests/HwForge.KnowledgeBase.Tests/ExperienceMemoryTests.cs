using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Tests;

/// <summary>HwForge learns from its runs: what one run repaired or verified, the next run finds.</summary>
public sealed class ExperienceMemoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private const string LatchBefore = "module dec(input [1:0] s, output reg [3:0] y);\n  always @* case (s) 2'd0: y = 4'b0001; 2'd1: y = 4'b0010; endcase\nendmodule";
    private const string LatchAfter = "module dec(input [1:0] s, output reg [3:0] y);\n  always @* begin y = 4'b0000; case (s) 2'd0: y = 4'b0001; 2'd1: y = 4'b0010; default: ; endcase end\nendmodule";

    [Fact]
    public async Task A_failure_repaired_in_one_run_is_retrieved_for_the_same_error_in_the_next_run()
    {
        await using (var firstRun = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default))
        {
            await new ExperienceMemory(firstRun).RecordRepairAsync("run-0001", "cand-3",
                "%Warning-LATCH: /tmp/hwforge/work/a1/dec.v:2:3: Latch inferred for signal 'y' (not all control paths of combinational always assign a value)",
                "Give y a default value before the case and add a default item.", LatchBefore, LatchAfter);
        }

        // The next run is another process: the store is opened again from the same file.
        await using var nextRun = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        var hits = await nextRun.SearchAsync(
            "%Warning-LATCH: /tmp/hwforge/work/f9/dec.v:2:3: Latch inferred for signal 'y' (not all control paths of combinational always assign a value)", 5);

        var repair = Assert.Single(hits, h => h.Kind == KnowledgeKind.Repair);
        Assert.Same(repair, hits[0]);
        Assert.Equal("run-0001", repair.Source.RunId);
        Assert.Equal("cand-3", repair.Source.CandidateId);
        Assert.Equal("run run-0001, candidate cand-3", repair.Source.ToString());
        Assert.Contains("default value before the case", repair.Text);
        Assert.Contains("y = 4'b0000;", repair.Text);
    }

    [Fact]
    public async Task The_same_repair_or_design_recorded_by_two_runs_is_stored_once()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database);
        var memory = new ExperienceMemory(store);

        var first = await memory.RecordRepairAsync("run-1", "c1", "%Warning-LATCH: dec.v:2:3: Latch inferred for signal 'y'", "default value", LatchBefore, LatchAfter);
        var again = await memory.RecordRepairAsync("run-2", "c7", "%Warning-LATCH: dec.v:2:3: Latch inferred for signal 'y'", "default value", LatchBefore, LatchAfter);
        var design = await memory.RecordVerifiedDesignAsync("run-1", "c1", "2-to-4 decoder", LatchAfter, "area 120 um^2, 4 cells, 0.3 ns", "formally proven equivalent (SAT)");
        var designAgain = await memory.RecordVerifiedDesignAsync("run-2", "c7", "2-to-4 decoder", LatchAfter, "area 120 um^2, 4 cells, 0.3 ns", "formally proven equivalent (SAT)");

        Assert.Equal(new AddResult(1, 0), first);
        Assert.Equal(new AddResult(0, 1), again);
        Assert.Equal(new AddResult(1, 0), design);
        Assert.Equal(new AddResult(0, 1), designAgain);
        Assert.Equal(2, (await store.GetStatsAsync()).Chunks);
    }

    [Fact]
    public async Task A_verified_design_is_found_by_its_specification_and_names_its_run()
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database, ShippedCorpus.Default);
        await new ExperienceMemory(store).RecordVerifiedDesignAsync("run-42", "cand-1",
            "Round-robin arbiter for 4 requesters with a rotating priority pointer",
            "module rr_arbiter4(input clk, input rst, input [3:0] req, output reg [3:0] grant); /* ... */ endmodule",
            "area 2038 um^2, 46 cells, critical path 1.456 ns", "formally proven equivalent (IC3/PDR)");

        var hits = await store.SearchAsync("write a round robin arbiter for four requesters", 3, [KnowledgeKind.VerifiedDesign]);

        var hit = Assert.Single(hits);
        Assert.Equal("run-42", hit.Source.RunId);
        Assert.Contains("critical path 1.456 ns", hit.Text);
        Assert.Contains(ExperienceMemory.ProvenLine + "formally proven equivalent (IC3/PDR)", hit.Text);
        Assert.True(ExperienceMemory.IsProvenOrNotADesign(hit));
    }

    [Fact]
    public async Task A_design_stored_as_verified_without_a_proof_is_not_taken_for_proven()
    {
        // What versions before proofs were required wrote: "verified" could mean a 3-cycle bounded check.
        var legacy = new KnowledgeHit("Verified design: 2-to-4 decoder",
            "Specification:\n2-to-4 decoder\n\nPPA: area 120 um^2\n\nVerified code:\n```verilog\n// " + ExperienceMemory.ProvenLine + "trust me\n" + LatchAfter + "\n```",
            KnowledgeSource.Run("run-old", "c1"), KnowledgeKind.VerifiedDesign, 1);
        var repair = legacy with { Kind = KnowledgeKind.Repair };

        Assert.False(ExperienceMemory.IsProvenOrNotADesign(legacy)); // a claim inside the code does not count
        Assert.True(ExperienceMemory.IsProvenOrNotADesign(repair));

        await using var store = await SqliteKnowledgeStore.OpenAsync(_folder.Database);
        await new ExperienceMemory(store).RecordRepairAsync("run-1", "c2", "%Warning-LATCH: dec.v:2:3: Latch inferred for signal 'y'", "default value",
            LatchBefore, LatchAfter, "no difference found, NOT PROVEN (bounded): no difference in 20 cycles from reset");
        var hit = Assert.Single(await store.SearchAsync("Latch inferred for signal y", 3, [KnowledgeKind.Repair]));
        Assert.Contains("Result: no difference found, NOT PROVEN (bounded)", hit.Text);
    }

    public void Dispose() => _folder.Dispose();
}
