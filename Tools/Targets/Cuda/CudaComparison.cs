using System.Globalization;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// Compares a side's logged calls with the reference's, call by call and element by element: the same inputs
/// (hashes), inputs left unchanged, every launch accepted, every output element written and within tolerance.
/// </summary>
internal static class CudaComparison
{
    public sealed record Outcome(CudaCheck Check, FailureClass Class, string Summary, CudaMismatch? Mismatch, int Matched);

    /// <summary>The first difference, or null when every call the kernel's log holds matches the reference's.</summary>
    public static Outcome? Compare(CudaProblem problem, CudaLog reference, CudaLog kernel, string build)
    {
        // The call a program died in is half logged: only the calls before it are compared.
        var complete = kernel.Ended ? kernel.Runs : kernel.Runs.Take(Math.Max(0, kernel.Runs.Count - 1));
        var byKey = complete.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());
        var matched = 0;
        foreach (var expected in reference.Runs)
        {
            if (!byKey.TryGetValue(expected.Key, out var got)) continue;   // the thread-sanitized build runs a subset
            var at = $"{SizeText(problem, expected.Size)} ({CudaProblem.AllDistributions[expected.Distribution]} inputs, trial {expected.Trial})";
            if (!got.InputHashes.OrderBy(p => p.Key).SequenceEqual(expected.InputHashes.OrderBy(p => p.Key)))
                return new(CudaCheck.InputsModified, FailureClass.ForbiddenConstruct, $"at {at} the program's inputs are not the judge's: does the source redefine the judge's generation?", null, matched);
            if (got.FailedLaunches > 0)
                return new(CudaCheck.Launch, FailureClass.SimulationAborted,
                    $"at {at} {got.FailedLaunches} launch(es) were refused as an invalid configuration (0 or more than 1024 threads per block, an empty grid, grid.y or grid.z over 65535, over 228 KiB of dynamic shared memory)", null, matched);
            if (got.Changed.FirstOrDefault() is { Argument: var changedArgument } change && got.Changed.Count > 0)
                return new(CudaCheck.InputsModified, FailureClass.FunctionalMismatch,
                    $"at {at} the input {problem.Arguments[changedArgument].Name} was changed (first at element {change.Index}); inputs are read-only (declare scratch space with cudaMalloc, or mark the argument inout)", null, matched);
            foreach (var (argument, want) in expected.Outputs.OrderBy(p => p.Key))
            {
                var a = problem.Arguments[argument];
                if (!got.Outputs.TryGetValue(argument, out var have) || have.Length != want.Length)
                    return new(CudaCheck.Crash, FailureClass.SimulationAborted, $"at {at} the output {a.Name} was not logged (the program stopped during the call?)", null, matched);
                if (FirstDifference(a, want, have, problem) is { } d)
                {
                    var unwritten = d.Got == "NaN" || (!a.IsFloat && have[d.Index] == Poison(a));
                    var mismatch = new CudaMismatch(SizeText(problem, expected.Size), CudaProblem.AllDistributions[expected.Distribution], expected.Trial, a.Name, d.Index, d.Expected, d.Got);
                    return unwritten
                        ? new(CudaCheck.Unwritten, FailureClass.FunctionalMismatch,
                            $"{mismatch.Describe()}: the element was never written (outputs are filled with NaN before each call) or was computed as NaN ({build}-sanitized run)", mismatch, matched)
                        : new(CudaCheck.Mismatch, FailureClass.FunctionalMismatch,
                            $"differs from the reference at {mismatch.Describe()} (tolerance {problem.AbsoluteTolerance:g3} + {problem.RelativeTolerance:g3} × max(|expected|, rms of the output))", mismatch, matched);
                }
            }
            matched++;
        }
        return null;
    }

    /// <summary>"M=33, N=47" for size <paramref name="index"/>.</summary>
    public static string SizeText(CudaProblem problem, int index) =>
        index < problem.Sizes.Count ? string.Join(", ", problem.Sizes[index].Select(p => $"{p.Key}={p.Value}")) : $"size {index}";

    // The judge fills integer outputs with 0xA5 bytes before each call (hwforge_cuda_judge.h, poison).
    private static ulong Poison(CudaArgument a) => a.Type == "unsigned char" ? 0xA5ul : 0xA5A5A5A5ul;

    private static (long Index, string Expected, string Got)? FirstDifference(CudaArgument a, ulong[] want, ulong[] have, CudaProblem problem)
    {
        if (!a.IsFloat)
        {
            for (var i = 0; i < want.Length; i++)
                if (want[i] != have[i]) return (i, Integer(a, want[i]), Integer(a, have[i]));
            return null;
        }
        var expected = want.Select(w => Value(a, w)).ToArray();
        var finite = expected.Where(double.IsFinite).ToArray();
        var rms = finite.Length == 0 ? 0 : Math.Sqrt(finite.Sum(x => x * x) / finite.Length);
        for (var i = 0; i < want.Length; i++)
        {
            var e = expected[i];
            var g = Value(a, have[i]);
            var same = double.IsNaN(e) ? double.IsNaN(g)
                : double.IsInfinity(e) ? e == g
                : double.IsFinite(g) && Math.Abs(g - e) <= problem.AbsoluteTolerance + problem.RelativeTolerance * Math.Max(Math.Abs(e), rms);
            if (!same) return (i, Text(e), Text(g));
        }
        return null;
    }

    private static double Value(CudaArgument a, ulong bits) =>
        a.Type == "double" ? BitConverter.Int64BitsToDouble((long)bits) : BitConverter.Int32BitsToSingle((int)(uint)bits);

    private static string Text(double x) => double.IsNaN(x) ? "NaN" : x.ToString("G9", CultureInfo.InvariantCulture);

    private static string Integer(CudaArgument a, ulong bits) =>
        a.Type == "int" ? ((int)(uint)bits).ToString(CultureInfo.InvariantCulture) : ((uint)bits).ToString(CultureInfo.InvariantCulture);
}
