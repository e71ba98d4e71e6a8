using HwForge.InferenceCore.Bench;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Conformance;
using HwForge.InferenceCore.Kernels.Native;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.InferenceCore.Optimize;

public enum Verdict { Correct, Wrong, Failed }

/// <summary>
/// One candidate judged: its verdict on the conformance cases, and when correct its time on the op's workload
/// (median CPU milliseconds per thread, summed over the workload's calls). Reward is speed given correctness:
/// 1000 / Milliseconds when correct, 0 otherwise.
/// </summary>
public sealed record CandidateResult(Op Op, KernelChoice Choice, string Why, Verdict Verdict, string Detail, double? Milliseconds, double? WallMilliseconds)
{
    public double Reward => Verdict == Verdict.Correct && Milliseconds > 0 ? 1000 / Milliseconds.Value : 0;
}

/// <summary>
/// Judges candidates as the issue asks, in this order: build (native ones in the sandbox), check against the
/// reference on the conformance cases (native ones in the sandboxed harness, where a crash or a hang is a verdict),
/// and only then time on the workload in this process: warm-up, median of repeats, every candidate at the same
/// threads. A candidate that fails a stage is not run further.
/// </summary>
public sealed class CandidateJudge(ToolHost host, int threads, double budgetSecondsPerCall = 0.3)
{
    readonly Dictionary<Op, (List<ConformanceCase> Cases, List<float[]> Want)> _reference = [];
    readonly KernelResolver _resolver = new(host);

    public async Task<CandidateResult> JudgeAsync(Op op, Proposal proposal, CancellationToken cancellation = default)
    {
        var choice = proposal.Choice;
        CandidateResult Result(Verdict v, string detail, Timing? t = null) =>
            new(op, choice, proposal.Why, v, detail, t?.CpuMs / threads, t?.WallMs);

        IKernelSet set;
        string? library = null;
        if (choice.Set == "native")
        {
            var built = await NativeBuild.BuildAsync(host, choice.Variant!, cancellation).ConfigureAwait(false);
            if (!built.Succeeded) return Result(Verdict.Failed, $"did not build: {built.Failure}");
            library = built.LibraryPath!;
            set = NativeKernels.Load(library, choice.Variant!, threads);
        }
        else set = await _resolver.ChoiceAsync(choice, threads, cancellation).ConfigureAwait(false);

        var (cases, want) = ReferenceFor(op);
        if (cases.FirstOrDefault(c => !set.Supports(op, c.Shape, DType.F32)) is { } refused)
            return Result(Verdict.Failed, $"does not serve {op} at {refused.Shape}");
        IReadOnlyList<float[]?> got;
        if (library is not null)
        {
            var check = await NativeCheck.RunAsync(host, library, cases, cancellation: cancellation).ConfigureAwait(false);
            if (check.Failure is not null) return Result(Verdict.Failed, check.Failure);
            got = check.Answers;
        }
        // Managed sets are HwForge's own shipped code, run in this process; there is no process to confine them in.
        else got = [.. cases.Select(c => c.RunOn(set))];
        for (var i = 0; i < cases.Count; i++)
        {
            var (ok, worst) = Tolerance.Within(want[i], got[i] ?? [], cases[i].Tolerance);
            if (!ok) return Result(Verdict.Wrong, $"{op} {cases[i].Shape}: {worst}");
        }

        double cpu = 0, wall = 0;
        foreach (var call in OpWorkload.For(op))
        {
            var t = Stopwatches.Median(() => call.Run(set), budgetSecondsPerCall);
            cpu += t.CpuMs;
            wall += t.WallMs;
        }
        return Result(Verdict.Correct, $"{cases.Count} conformance cases within tolerance", new Timing(wall, cpu));
    }

    (List<ConformanceCase>, List<float[]>) ReferenceFor(Op op)
    {
        if (!_reference.TryGetValue(op, out var r))
        {
            var cases = ConformanceCases.For(op).ToList();
            _reference[op] = r = (cases, [.. cases.Select(c => c.RunOn(KernelSets.Reference))]);
        }
        return r;
    }
}
