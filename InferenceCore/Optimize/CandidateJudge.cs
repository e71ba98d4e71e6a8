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

/// <summary>A candidate that passed its check, with the set to time; or, when Set is null, its final verdict.</summary>
public sealed record CheckedCandidate(CandidateResult Result, IKernelSet? Set);

/// <summary>
/// Judges candidates as the issue asks, in this order: build (native ones in the sandbox), check against the
/// reference on the conformance cases (native ones in the sandboxed harness, where a crash or a hang is a verdict),
/// and only then time on the workload in this process: warm-up, median of repeats, every candidate at the same
/// threads. The correct candidates of an op are timed together, in rounds that visit each in turn, so that a
/// machine whose load drifts (this one is shared) slows every candidate alike instead of the one that was running.
/// </summary>
public sealed class CandidateJudge(ToolHost host, int threads, double budgetSecondsPerCall = 0.3, int rounds = 3)
{
    readonly Dictionary<Op, (List<ConformanceCase> Cases, List<float[]> Want)> _reference = [];
    readonly KernelResolver _resolver = new(host);

    public async Task<CheckedCandidate> CheckAsync(Op op, Proposal proposal, CancellationToken cancellation = default)
    {
        var choice = proposal.Choice;
        CheckedCandidate Verdict(Verdict v, string detail, IKernelSet? set = null) => new(new(op, choice, proposal.Why, v, detail, null, null), set);

        IKernelSet set;
        string? library = null;
        if (choice.Set == "native")
        {
            var built = await NativeBuild.BuildAsync(host, choice.Variant!, cancellation).ConfigureAwait(false);
            if (!built.Succeeded) return Verdict(Optimize.Verdict.Failed, $"did not build: {built.Failure}");
            library = built.LibraryPath!;
            set = NativeKernels.Load(library, choice.Variant!, threads);
        }
        else set = await _resolver.ChoiceAsync(choice, threads, cancellation).ConfigureAwait(false);

        var (cases, want) = ReferenceFor(op);
        if (cases.FirstOrDefault(c => !set.Supports(op, c.Shape, DType.F32)) is { } refused)
            return Verdict(Optimize.Verdict.Failed, $"does not serve {op} at {refused.Shape}");
        IReadOnlyList<float[]?> got;
        if (library is not null)
        {
            var check = await NativeCheck.RunAsync(host, library, cases, cancellation: cancellation).ConfigureAwait(false);
            if (check.Failure is not null) return Verdict(Optimize.Verdict.Failed, check.Failure);
            got = check.Answers;
        }
        // Managed sets are HwForge's own shipped code, run in this process; there is no process to confine them in.
        else got = [.. cases.Select(c => c.RunOn(set))];
        for (var i = 0; i < cases.Count; i++)
        {
            var (ok, worst) = Tolerance.Within(want[i], got[i] ?? [], cases[i].Tolerance);
            if (!ok) return Verdict(Optimize.Verdict.Wrong, $"{op} {cases[i].Shape}: {worst}");
        }
        return Verdict(Optimize.Verdict.Correct, $"{cases.Count} conformance cases within tolerance", set);
    }

    /// <summary>
    /// Times the checked candidates of one op on its workload: <c>rounds</c> rounds, each visiting every candidate
    /// (starting one further along each round), each visit the median of repeats per call summed over the calls;
    /// a candidate's time is the median of its rounds. Failed candidates come back as they are.
    /// </summary>
    public IReadOnlyList<CandidateResult> Time(Op op, IReadOnlyList<CheckedCandidate> candidates)
    {
        var calls = OpWorkload.For(op);
        var timed = candidates.Where(c => c.Set is not null).ToList();
        WarmUp(timed, calls);
        var cpu = timed.Select(_ => new List<double>()).ToList();
        var wall = timed.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < rounds; round++)
            for (var visit = 0; visit < timed.Count; visit++)
            {
                var i = (visit + round) % timed.Count;
                double c = 0, w = 0;
                foreach (var call in calls)
                {
                    var t = Stopwatches.Median(() => call.Run(timed[i].Set!), budgetSecondsPerCall / rounds);
                    c += t.CpuMs;
                    w += t.WallMs;
                }
                cpu[i].Add(c / threads);
                wall[i].Add(w);
            }
        return [.. candidates.Select(c =>
        {
            var i = timed.IndexOf(c);
            return i < 0 ? c.Result : c.Result with { Milliseconds = Median(cpu[i]), WallMilliseconds = Median(wall[i]) };
        })];
    }

    /// <summary>
    /// Managed kernels start as unoptimised tier-0 code (TensorPrimitives' vector loops run up to 40 times slower
    /// there) and are recompiled in the background after 30 calls and a quiet 100 ms without new tier-0 methods; on a
    /// loaded machine that takes long enough to fall inside a timing. Every candidate is called well past the
    /// threshold, twice, with pauses for the recompilation, before any round is timed.
    /// </summary>
    static void WarmUp(List<CheckedCandidate> timed, IReadOnlyList<OpWorkload.Call> calls)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var candidate in timed)
                foreach (var call in calls)
                {
                    var spent = System.Diagnostics.Stopwatch.StartNew();
                    for (var i = 0; i < 40 && (i < 3 || spent.Elapsed.TotalSeconds < 0.25); i++) call.Run(candidate.Set!);
                }
            Thread.Sleep(500);
        }
    }

    static double Median(List<double> xs)
    {
        xs.Sort();
        return xs[xs.Count / 2];
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
