using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>What a CUDA verification is asked: the candidate, the reference (a C++ function or a CUDA entry), the problem.</summary>
internal sealed record CudaRequest(SourceFile Kernel, SourceFile Reference, CudaProblem Problem)
{
    /// <summary>Trials per size and distribution, each with fresh inputs.</summary>
    public int Trials { get; init; } = 3;

    public int Seed { get; init; } = 1;

    /// <summary>How long each run of a side's program may take (its builds have <see cref="CudaSideRunner.BuildAllowance"/> besides).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>True when the reference is a CUDA entry run on the emulation too (its name is the problem's entry then).</summary>
    public bool ReferenceIsCuda => Path.GetExtension(Reference.Path).Equals(".cu", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Verifies a CUDA candidate on the CPU: static checks, the real CUDA front end (clang, to PTX) where installed,
/// then the candidate and the reference as separate programs in separate sandboxes on the same generated inputs,
/// the candidate on HwForge's emulation under AddressSanitizer and under ThreadSanitizer, the logs compared here.
/// A pass is <see cref="Assurance.Simulated"/>: random trials never prove a kernel (docs/CUDA.md).
/// </summary>
internal sealed class CudaEmulation(ToolHost host, ToolVersions versions)
{
    private readonly CudaSideRunner _sides = new(host, versions);
    private readonly CudaRealCompiler _compiler = new(host, versions);

    public async Task<CudaReport> RunAsync(CudaRequest request, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var problem = request.Problem;

        // 1. The sandbox must bound memory with a cgroup: a thread per CUDA thread and the sanitizers' shadow do not fit rlimits.
        if (host.Sandbox is BubblewrapSandbox { Control.Mechanism: LimitMechanism.RlimitsOnly })
            return Error(CudaCheck.Problem, "the CUDA emulation needs a sandbox whose memory a cgroup bounds (it runs one thread per CUDA thread, "
                + "under AddressSanitizer and ThreadSanitizer); this one has rlimits only: see hwforge sandbox check", Elapsed());

        // 2. Static checks, then the rewrite the emulation compiles; both from the source alone.
        if (CudaSource.Check(request.Kernel.Text, problem.Entry) is { } refused)
            return Failed(refused.FailureClass, CudaCheck.Source, refused.Message, Elapsed());
        var (emulated, unreadable) = CudaSource.ForEmulation(request.Kernel.Text);
        if (emulated is null) return Failed(FailureClass.Compile, CudaCheck.Source, unreadable!, Elapsed());
        string? referenceText = request.Reference.Text;
        if (request.ReferenceIsCuda)
        {
            (referenceText, var problemWithReference) = CudaSource.ForEmulation(request.Reference.Text);
            if (referenceText is null) return Error(CudaCheck.Problem, $"the reference cannot be emulated: {problemWithReference}", Elapsed());
        }

        // 3. The reference, the candidate and the real compiler's check, each in its own sandbox, at once.
        var referenceFunction = request.ReferenceIsCuda ? problem.Entry : problem.Reference;
        var referenceRun = _sides.RunAsync("reference", Staged("reference", request.Reference), referenceText, referenceFunction, problem,
            request.ReferenceIsCuda, request.Trials, request.Seed, request.Timeout, cancellation);
        var kernelRun = _sides.RunAsync("kernel", Staged("kernel", request.Kernel), emulated, problem.Entry, problem,
            true, request.Trials, request.Seed, request.Timeout, cancellation);
        var compileRun = _compiler.CompileAsync(Staged("kernel", request.Kernel), request.Kernel.Text, cancellation);
        var reference = await referenceRun.ConfigureAwait(false);
        var kernel = await kernelRun.ConfigureAwait(false);
        var compiled = await compileRun.ConfigureAwait(false);
        var expectedCalls = problem.Sizes.Count * problem.Distributions.Count * request.Trials;
        var report = new CudaReport
        {
            Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Summary = "", Calls = expectedCalls,
            RealCompiler = compiled, Kernel = kernel.Side, Reference = reference.Side,
        };

        // 4. The reference must have run to its end on every call; otherwise nothing can be judged.
        if (!reference.Side.Compiled)
            return report with { Check = CudaCheck.Problem, Summary = $"the reference did not compile:\n{reference.Side.CompilerMessages}", Elapsed = Elapsed() };
        var referenceEnd = reference.Side.Runs[0];
        var referenceLog = reference.Logs[CudaSideRunner.Address];
        if (!referenceLog.Ended || referenceLog.Runs.Count != expectedCalls)
            return report with { Check = CudaCheck.Problem, Summary = $"the reference's program stopped early: {CudaCrash.Explain(referenceEnd).Words}", Elapsed = Elapsed() };

        // 5. The candidate must compile, on the emulation and for the real compiler.
        if (!kernel.Side.Compiled)
            return report with { Verdict = Verdict.Fail, FailureClass = FailureClass.Compile, Check = CudaCheck.Compile, Summary = $"the kernel did not compile:\n{kernel.Side.CompilerMessages}", Elapsed = Elapsed() };
        if (compiled.Ran && !compiled.Compiled && !compiled.RefusedSource)
            return report with
            {
                Check = CudaCheck.RealCompiler,
                Summary = $"the real CUDA compiler ({compiled.Compiler}) failed without naming a line of the kernel, so this says nothing of it (check the install: hwforge tools):\n{compiled.Messages}",
                Elapsed = Elapsed(),
            };
        if (compiled.Ran && !compiled.Compiled)
            return report with
            {
                Verdict = Verdict.Fail, FailureClass = FailureClass.Compile, Check = CudaCheck.RealCompiler,
                Summary = $"the real CUDA front end ({compiled.Compiler}) refuses the kernel, though the emulation would run it:\n{compiled.Messages}",
                Elapsed = Elapsed(),
            };

        // 6. Each run of the candidate: it must reach its end, then match the reference call by call. A race is the
        //    cause of whatever wrong numbers the other run shows, so the race-detecting run speaks first when it found one.
        var matched = 0;
        foreach (var run in kernel.Side.Runs.OrderBy(r => r.Build == CudaSideRunner.Thread && r.Stderr.Contains("ThreadSanitizer: data race", StringComparison.Ordinal) ? 0 : 1))
        {
            var log = kernel.Logs[run.Build];
            var outcome = CudaComparison.Compare(problem, referenceLog, log, run.Build);
            if (outcome is not null && (log.Ended || outcome.Check != CudaCheck.Crash))
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = outcome.Class, Check = outcome.Check, Summary = outcome.Summary,
                    FirstMismatch = outcome.Mismatch, MatchedCalls = outcome.Matched, Elapsed = Elapsed(),
                };
            if (!log.Ended)
            {
                var (check, failure, words) = CudaCrash.Explain(run);
                var at = log.Runs.Count > 0 ? log.Runs[^1] : null;
                var where = at is null ? "before its first call" : $"during the call at {CudaComparison.SizeText(problem, at.Size)} ({CudaProblem.AllDistributions[at.Distribution]} inputs, trial {at.Trial})";
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = failure, Check = check, MatchedCalls = Math.Max(0, log.Runs.Count - 1),
                    Summary = $"the kernel's program stopped {where}: {words}", Elapsed = Elapsed(),
                };
            }
            if (run.Build == CudaSideRunner.Address) matched = log.Runs.Count;
        }

        var sizes = string.Join("; ", problem.Sizes.Select((_, i) => CudaComparison.SizeText(problem, i)));
        var shown = $"{matched} calls ({problem.Sizes.Count} sizes: {sizes}; inputs {string.Join(", ", problem.Distributions)}; {request.Trials} trials each, fresh inputs, outputs poisoned with NaN) "
            + $"matched the reference within {problem.AbsoluteTolerance:g3} + {problem.RelativeTolerance:g3} × max(|expected|, rms), on HwForge's CPU emulation of CUDA "
            + "[address,undefined sanitizers and, in a sandbox of its own, thread sanitizer (races), each on every call; blocks taken in a shuffled order, "
            + "any two of a grid able to run at once; device memory closed to host code between launches]"
            + (compiled.Ran ? $"; device code compiled by {compiled.Compiler}" : $"; {compiled.Messages}")
            + "; not timed, and not run on a GPU";
        return report with
        {
            Verdict = Verdict.Pass, FailureClass = FailureClass.None, Assurance = Assurance.Simulated, MatchedCalls = matched,
            Summary = $"matches the reference on {matched} emulated calls", Shown = shown, Elapsed = Elapsed(),
        };
    }

    // Each side's source under a fixed name: the error messages then say kernel.cu whatever the file was called.
    internal static string Staged(string role, SourceFile file) =>
        $"{SourceFile.Folder}/{role}{(Path.GetExtension(file.Path).Equals(".cu", StringComparison.OrdinalIgnoreCase) ? ".cu" : ".cpp")}";

    private static CudaReport Failed(FailureClass failure, CudaCheck check, string summary, TimeSpan elapsed) =>
        new() { Verdict = Verdict.Fail, FailureClass = failure, Check = check, Summary = summary, Elapsed = elapsed };

    private static CudaReport Error(CudaCheck check, string summary, TimeSpan elapsed) =>
        new() { Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Check = check, Summary = summary, Elapsed = elapsed };
}
