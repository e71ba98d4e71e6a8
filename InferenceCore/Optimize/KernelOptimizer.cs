using System.Text.Json;
using HwForge.InferenceCore.Bench;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Native;
using HwForge.InferenceCore.MiniLm;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.InferenceCore.Optimize;

/// <summary>GEMM at 1024³ on the shipped set and on the winner, the issue's yardstick (not part of the reward).</summary>
public sealed record GemmFigure(string Size, double ShippedGflops, double WinnerGflops);

/// <summary>What one <c>core optimize</c> run did: every candidate's verdict and time, the winners, the end-to-end check.</summary>
public sealed record OptimizeReport(string RunFolder, string Cpu, int Threads, IReadOnlyList<CandidateResult> Candidates,
    IReadOnlyList<ManifestEntry> Winners, EndToEndCheck EndToEnd, GemmFigure? Gemm, string ManifestHash, bool Applied);

/// <summary>
/// <c>core optimize</c>, top to bottom: propose (the offline catalog), judge each candidate (build, check in the
/// sandbox, time), keep each op's fastest correct one, compose them with the current choices for the other ops,
/// re-verify and re-time the whole models, and only then write the manifest and apply it. A run folder under
/// <c>$HWFORGE_HOME/runs</c> records every step.
/// </summary>
public sealed class KernelOptimizer(ToolHost host, int threads, Action<string> progress)
{
    public async Task<OptimizeReport> RunAsync(IReadOnlyList<Op> ops, MiniLmModel model, CancellationToken cancellation = default)
    {
        var runFolder = Directory.CreateDirectory(Path.Combine(host.Home.Runs, $"core-optimize-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}")).FullName;
        using var log = new StreamWriter(Path.Combine(runFolder, "progress.log")) { AutoFlush = true };
        void Say(string line) { progress(line); log.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}"); }
        Say($"core optimize: {ops.Count} op(s), {threads} thread(s), CPU {CpuIdentity.Model} (widest vector reported: {CpuIdentity.WidestVectorBits} bits); run folder {runFolder}");

        // 1. Judge every proposal of every op; the fastest correct one wins its op.
        var judge = new CandidateJudge(host, threads);
        var results = new List<CandidateResult>();
        var winners = new List<ManifestEntry>();
        foreach (var op in ops)
        {
            var proposals = KernelCatalog.For(op);
            var checkedOnes = new List<CheckedCandidate>();
            foreach (var proposal in proposals)
            {
                var c = await judge.CheckAsync(op, proposal, cancellation).ConfigureAwait(false);
                checkedOnes.Add(c);
                Say($"{op,-10} {c.Result.Choice,-42} {(c.Set is null ? Describe(c.Result) : "correct")}");
            }
            Say($"{op,-10} timing the {checkedOnes.Count(c => c.Set is not null)} correct candidates together");
            var mine = judge.Time(op, checkedOnes).ToList();
            foreach (var r in mine.Where(r => r.Verdict == Verdict.Correct)) Say($"{op,-10} {r.Choice,-42} {Describe(r)}");
            results.AddRange(mine);
            var best = mine.Where(r => r.Verdict == Verdict.Correct).MaxBy(r => r.Reward)
                ?? throw new InvalidOperationException($"no candidate for {op} passed, not even the reference: the conformance cases or the reference are broken");
            var shipped = mine.FirstOrDefault(r => r.Choice == KernelChoice.Shipped && r.Verdict == Verdict.Correct);
            winners.Add(new ManifestEntry(op, best.Choice, best.Milliseconds, shipped?.Milliseconds, runFolder));
            Say($"{op,-10} winner {best.Choice} at {best.Milliseconds:0.000} ms" + (shipped is null ? "" : $" (shipped {shipped.Milliseconds:0.000} ms, {shipped.Milliseconds / best.Milliseconds:0.00}x)"));
        }

        // 2. Ops not searched this run keep what the applied manifest (or the shipped set) gives them.
        var store = new ManifestStore(host.Home);
        var current = store.Current()?.Manifest;
        var entries = Enum.GetValues<Op>().Select(op => winners.FirstOrDefault(w => w.Op == op)
            ?? current?.Entries.FirstOrDefault(e => e.Op == op)
            ?? new ManifestEntry(op, KernelChoice.Shipped, null, null, "shipped")).ToList();
        var draft = new KernelManifest(KernelManifest.CurrentFormat, CpuIdentity.Model, threads, entries, null, runFolder, DateTimeOffset.UtcNow);

        // 3. The whole models on the composed set, against the reference, before anything is applied.
        var resolver = new KernelResolver(host);
        var composed = await resolver.ManifestAsync(draft, "candidate", threads, cancellation).ConfigureAwait(false);
        var shippedSet = KernelSets.ByName(KernelChoice.Shipped.Set, threads);
        var endToEnd = EndToEnd.Run(model, composed, shippedSet, Say);
        Say($"end to end: MiniLM 128 tokens {endToEnd.ShippedMiniLmMs:0.0} ms shipped -> {endToEnd.ManifestMiniLmMs:0.0} ms; decode step {endToEnd.ShippedDecodeMs:0.00} ms -> {endToEnd.ManifestDecodeMs:0.00} ms");
        var gemm = ops.Contains(Op.MatMul) ? Gemm1024(shippedSet, composed.Serving(Op.MatMul)) : null;
        if (gemm is not null) Say($"gemm {gemm.Size}: shipped {gemm.ShippedGflops:0.0} GFLOP/s, winner {gemm.WinnerGflops:0.0} GFLOP/s");

        // 4. Write the manifest; apply it only when the models still give the reference's answers.
        var manifest = draft with { EndToEnd = endToEnd };
        var hash = store.Save(manifest);
        if (endToEnd.Passed) store.Apply(hash);
        Say(endToEnd.Passed ? $"applied manifest {hash[..12]} ({store.PathOf(hash)})" : $"NOT applied: the models no longer match the reference; manifest {hash[..12]} kept for the record");

        var report = new OptimizeReport(runFolder, CpuIdentity.Model, threads, results, winners, endToEnd, gemm, hash, endToEnd.Passed);
        await File.WriteAllTextAsync(Path.Combine(runFolder, "run.json"), JsonSerializer.Serialize(report, ManifestStore.Json), cancellation).ConfigureAwait(false);
        return report;
    }

    static GemmFigure Gemm1024(IKernelSet shipped, IKernelSet winner) =>
        new("1024x1024x1024", CoreBench.Gemm(shipped, 1024, 1024, 1024).Gflops, CoreBench.Gemm(winner, 1024, 1024, 1024).Gflops);

    static string Describe(CandidateResult r) => r.Verdict switch
    {
        Verdict.Correct => $"correct, {r.Milliseconds,9:0.000} ms  reward {r.Reward:0.0}",
        Verdict.Wrong => $"WRONG: {r.Detail}",
        _ => $"failed: {r.Detail}",
    };
}
