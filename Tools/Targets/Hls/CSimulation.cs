using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;

namespace HwForge.Tools.Targets.Hls;

/// <summary>What C simulation is asked: the kernel and the reference (sources and tops), how many calls, the seed.</summary>
internal sealed record CSimRequest(IReadOnlyList<SourceFile> Kernel, string KernelTop, IReadOnlyList<SourceFile> Reference, string ReferenceTop)
{
    public int Calls { get; init; } = 1000;

    public int Seed { get; init; } = 1;

    /// <summary>Enumerate every input when the inputs have at most this many bits in all and neither side keeps state.</summary>
    public int ExhaustiveBits { get; init; } = 16;

    /// <summary>A folder of vendor type headers (ap_int.h, ap_fixed.h…) to build both sides with instead of HwForge's; null: HwForge's.</summary>
    public string? IncludeFolder { get; init; }

    /// <summary>How long each side's program may run (its build has <see cref="CSimulation.BuildAllowance"/> besides).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}

/// <summary>How one side's program ended: built or not, its exit, what it said, and its log.</summary>
internal sealed record CSimSide(bool Compiled, string CompilerMessages, int ExitCode, string Limit, string Stderr, long CallsLogged, bool FromCache);

/// <summary>The first call on which the kernel and the reference differ.</summary>
internal sealed record CSimMismatch(long Call, string Inputs, string Output, string Expected, string Got)
{
    public string Describe() => $"call {Call}: {Output}: expected 0x{Expected}, got 0x{Got} (inputs {Inputs})";
}

/// <summary>The C-simulation report: the verdict and why, what was shown, each side's run, the first difference.</summary>
internal sealed record CSimReport
{
    public required Verdict Verdict { get; init; }

    public required FailureClass FailureClass { get; init; }

    public required string Summary { get; init; }

    public Assurance Assurance { get; init; }

    public string Shown { get; init; } = "";

    /// <summary>"exhaustive" or "random" (corners first), as the harness chose.</summary>
    public string Mode { get; init; } = "";

    public long Calls { get; init; }

    public long MatchedCalls { get; init; }

    public string Sanitizers { get; init; } = "";

    public IReadOnlyList<string> Signature { get; init; } = [];

    public CSimMismatch? FirstMismatch { get; init; }

    public CSimSide? Kernel { get; init; }

    public CSimSide? Reference { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The kernel's own log (every call's inputs and outputs), the vectors co-simulation replays on RTL.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal CSimLog? KernelLog { get; init; }
}

/// <summary>
/// C simulation of an HLS kernel against a reference kernel: the two are built as separate programs (each with
/// HwForge's harness) and run in separate sandboxes on the same generated calls, then their logs are compared
/// here, call by call and bit by bit. The kernel's own output, exit status or files never decide a pass.
/// </summary>
internal sealed class CSimulation(ToolHost host, ToolVersions versions)
{
    private const string Binary = "hwforge-csim";

    /// <summary>The time a side's build may take, on top of its run's timeout.</summary>
    public static readonly TimeSpan BuildAllowance = TimeSpan.FromSeconds(120);
    private const int MessageLines = 25;

    public async Task<CSimReport> RunAsync(CSimRequest request, CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => System.Diagnostics.Stopwatch.GetElapsedTime(started);

        // 0. The type headers both sides are built with: HwForge's, or the vendor's the user pointed at.
        if (CSimHarness.Headers(request.IncludeFolder).Problem is { } headerProblem) return Error(headerProblem, Elapsed());

        // 1. Signatures from the sources: the harness needs the argument list of each top.
        var (kernelSignature, kernelProblem) = ReadSignature(request.Kernel, request.KernelTop);
        if (kernelSignature is null)
            return Failed(FailureClass.MissingPort, $"the kernel cannot be driven: {kernelProblem}", Elapsed());
        var (referenceSignature, referenceProblem) = ReadSignature(request.Reference, request.ReferenceTop);
        if (referenceSignature is null)
            return Error($"the reference cannot be driven: {referenceProblem}", Elapsed());
        if (kernelSignature.Arguments.Count != referenceSignature.Arguments.Count || (kernelSignature.ReturnType is null) != (referenceSignature.ReturnType is null))
            return Failed(FailureClass.MissingPort,
                $"{request.KernelTop} takes {Describe(kernelSignature)} but the reference {request.ReferenceTop} takes {Describe(referenceSignature)}", Elapsed());

        // 2. Exhaustive only where neither side can carry state from one call to the next.
        var stateful = request.Kernel.Concat(request.Reference).Any(f => CppText.MayKeepState(f.Text));
        var exhaustiveBits = stateful ? 0 : request.ExhaustiveBits;

        // 3. Both programs, each in its own sandbox, at once.
        var sanitizers = Sanitizers();
        var kernelRun = RunSideAsync("kernel", request.Kernel, kernelSignature, request, exhaustiveBits, sanitizers, cancellation);
        var referenceRun = RunSideAsync("reference", request.Reference, referenceSignature, request, exhaustiveBits, sanitizers, cancellation);
        var (kernel, kernelLog) = await kernelRun.ConfigureAwait(false);
        var (reference, referenceLog) = await referenceRun.ConfigureAwait(false);
        var report = new CSimReport
        {
            Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Summary = "", Sanitizers = sanitizers,
            Kernel = kernel, Reference = reference, Signature = kernelLog.Signature, KernelLog = kernelLog,
        };

        // 4. The reference must have run to its end; otherwise nothing can be judged.
        if (!reference.Compiled)
            return report with { Summary = $"the reference did not compile:\n{reference.CompilerMessages}", Elapsed = Elapsed() };
        if (!referenceLog.Ended)
            return report with { Summary = $"the reference stopped during call {referenceLog.CallsLogged.Count - 1}: {Ending(reference)}", Elapsed = Elapsed() };

        // 5. The kernel must build, and present the same interface (roles and widths) as the reference.
        if (!kernel.Compiled)
            return report with
            {
                Verdict = Verdict.Fail,
                FailureClass = kernel.Limit != "None" ? FailureClass.Timeout : FailureClass.Compile,
                Summary = $"the kernel did not compile:\n{kernel.CompilerMessages}",
                Elapsed = Elapsed(),
            };
        if (kernelLog.Mode.Length == 0)
            return report with
            {
                Verdict = Verdict.Fail,
                FailureClass = kernel.Limit == nameof(LimitHit.WallClock) ? FailureClass.Timeout : FailureClass.SimulationAborted,
                Summary = $"the kernel's program stopped before its first call: {Ending(kernel)}",
                Elapsed = Elapsed(),
            };
        for (var i = 0; i < Math.Max(kernelLog.Signature.Count, referenceLog.Signature.Count); i++)
        {
            var k = i < kernelLog.Signature.Count ? kernelLog.Signature[i] : "(missing)";
            var r = i < referenceLog.Signature.Count ? referenceLog.Signature[i] : "(missing)";
            if (Shape(k) != Shape(r))
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = FailureClass.WidthOrType,
                    Summary = $"argument {i + 1} differs from the reference's: the kernel has {Words(k)}, the reference {Words(r)}",
                    Elapsed = Elapsed(),
                };
        }

        // 6. Call by call: the same inputs (the harness generated them), then the same output bits.
        var names = kernelSignature.Arguments.Select(a => a.Name).ToList();
        var matched = 0L;
        foreach (var expected in referenceLog.CallsLogged)
        {
            var got = matched < kernelLog.CallsLogged.Count ? kernelLog.CallsLogged[(int)matched] : null;
            if (got is null || (got.Outputs.Count == 0 && expected.Outputs.Count > 0 && !kernelLog.Ended && matched == kernelLog.CallsLogged.Count - 1))
            {
                var call = got?.Index ?? matched;
                var failure = kernel.Limit == nameof(LimitHit.WallClock) ? FailureClass.Timeout : FailureClass.SimulationAborted;
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = failure, MatchedCalls = matched, Calls = referenceLog.Calls, Mode = referenceLog.Mode,
                    Summary = $"the kernel's program stopped during call {call} of {referenceLog.Calls} (inputs {Inputs(expected, names)}): {Ending(kernel)}",
                    Elapsed = Elapsed(),
                };
            }
            if (!got.Inputs.SequenceEqual(expected.Inputs))
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = FailureClass.ForbiddenConstruct, MatchedCalls = matched, Calls = referenceLog.Calls, Mode = referenceLog.Mode,
                    Summary = $"call {expected.Index}: the kernel's program did not call it with the harness's inputs ({Inputs(got, names)} instead of {Inputs(expected, names)}); does the kernel redefine the harness's names?",
                    Elapsed = Elapsed(),
                };
            for (var o = 0; o < expected.Outputs.Count; o++)
            {
                var want = expected.Outputs[o];
                var have = o < got.Outputs.Count ? got.Outputs[o].Bits : "(none)";
                if (have == want.Bits) continue;
                var output = want.Kind == 'R' ? "the return value" : $"output {names[want.Argument]}";
                var (index, e, g) = FirstDifferentElement(want.Bits, have);
                if (index is { } element) output += $"[{element}]";
                var mismatch = new CSimMismatch(expected.Index, Inputs(expected, names), output, e, g);
                return report with
                {
                    Verdict = Verdict.Fail, FailureClass = FailureClass.FunctionalMismatch, MatchedCalls = matched, Calls = referenceLog.Calls, Mode = referenceLog.Mode,
                    FirstMismatch = mismatch,
                    Summary = $"differs from the reference at {mismatch.Describe()}",
                    Elapsed = Elapsed(),
                };
            }
            matched++;
        }
        if (!kernelLog.Ended || kernelLog.Calls != referenceLog.Calls)
            return report with
            {
                Verdict = Verdict.Fail, FailureClass = FailureClass.SimulationAborted, MatchedCalls = matched, Calls = referenceLog.Calls, Mode = referenceLog.Mode,
                Summary = $"the kernel's program did not finish its {referenceLog.Calls} calls: {Ending(kernel)}",
                Elapsed = Elapsed(),
            };

        var exhaustive = referenceLog.Mode == "exhaustive" && kernelLog.Mode == "exhaustive";
        var shown = exhaustive
            ? $"every one of the {referenceLog.Calls} possible inputs gave the reference's outputs, bit for bit (neither side keeps state between calls)"
            : $"{referenceLog.Calls} calls in sequence (static state carried over; corner values first, then random) gave the reference's outputs, bit for bit"
              + (stateful ? "" : $"; the inputs have too many bits to enumerate");
        return report with
        {
            Verdict = Verdict.Pass, FailureClass = FailureClass.None, MatchedCalls = matched, Calls = referenceLog.Calls, Mode = referenceLog.Mode,
            Assurance = exhaustive ? Assurance.Proven : Assurance.Simulated,
            Summary = exhaustive ? $"equal to the reference on every input ({referenceLog.Calls} calls)" : $"equal to the reference on {referenceLog.Calls} calls",
            Shown = shown + $" [sanitizers: {sanitizers}]",
            Elapsed = Elapsed(),
        };
    }

    /// <summary>
    /// The kernel alone, for a reference that is not C++ (an RTL module): its harness's log of every call, or why
    /// there is none. The log is what the RTL is then co-simulated on and compared against.
    /// </summary>
    internal async Task<(CSimSide? Side, CSimLog? Log, string Sanitizers, string? Problem)> RunKernelAsync(CSimRequest request, CancellationToken cancellation)
    {
        var (signature, problem) = ReadSignature(request.Kernel, request.KernelTop);
        if (signature is null) return (null, null, "", $"the kernel cannot be driven: {problem}");
        if (CSimHarness.Headers(request.IncludeFolder).Problem is { } headerProblem) return (null, null, "", headerProblem);
        var exhaustiveBits = request.Kernel.Any(f => CppText.MayKeepState(f.Text)) ? 0 : request.ExhaustiveBits;
        var sanitizers = Sanitizers();
        var (side, log) = await RunSideAsync("kernel", request.Kernel, signature, request, exhaustiveBits, sanitizers, cancellation).ConfigureAwait(false);
        if (!side.Compiled) return (side, log, sanitizers, $"the kernel did not compile:\n{side.CompilerMessages}");
        if (!log.Ended) return (side, log, sanitizers, $"the kernel's program stopped during call {Math.Max(0, log.CallsLogged.Count - 1)}: {Ending(side)}");
        return (side, log, sanitizers, null);
    }

    private static (KernelSignature?, string?) ReadSignature(IReadOnlyList<SourceFile> files, string top)
    {
        string? problem = null;
        foreach (var file in files.Where(f => CSimHarness.IsTranslationUnit(f.Path)).Concat(files.Where(f => !CSimHarness.IsTranslationUnit(f.Path))))
        {
            var (signature, why) = KernelSignature.Read(file.Text, top);
            if (signature is not null) return (signature, null);
            problem ??= why;
        }
        return (null, problem ?? "no source files");
    }

    /// <summary>
    /// AddressSanitizer reserves terabytes of address space, so it runs only where a cgroup bounds a run's memory
    /// (the address-space rlimit is then lifted for it); elsewhere UndefinedBehaviorSanitizer alone (which includes
    /// array bounds) and libstdc++'s assertions.
    /// </summary>
    private string Sanitizers() =>
        host.Sandbox is BubblewrapSandbox { Control.Mechanism: not LimitMechanism.RlimitsOnly } ? "address,undefined" : "undefined";

    private async Task<(CSimSide, CSimLog)> RunSideAsync(string role, IReadOnlyList<SourceFile> sources, KernelSignature signature, CSimRequest request,
        int exhaustiveBits, string sanitizers, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);
        var limits = ResourceLimits.Default.WithTimeout(request.Timeout + BuildAllowance);
        if (sanitizers.Contains("address")) limits = limits with { MemoryBytes = 1L << 46 };
        var script =
            "export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1\n" +
            $"{CompilerTools.SanitizedCxx17Command(Binary, CSimHarness.MainFile, sanitizers)} 2> {CSimHarness.CompileLog} || exit 0\n" +
            $": > {CSimHarness.CompiledMarker}\n" +
            // The run has its own clock (coreutils timeout: status 124), so a slow build never reads as a hang.
            $"exec timeout -k 2 {Math.Max(1, (int)Math.Ceiling(request.Timeout.TotalSeconds))} ./{Binary} > /dev/null\n";
        var step = new ToolStep($"g++-csim-{role}", version, new ToolInvocation("sh", ["-c", script]).WithLimits(limits))
        {
            Inputs =
            [
                .. CSimHarness.Headers(request.IncludeFolder).Files ?? [],
                InputFile.FromText(CSimHarness.MainFile, CSimHarness.Main(sources, signature, request.Calls, exhaustiveBits, request.Seed)),
                .. sources.Select(f => InputFile.FromText(f.StagedName, f.Text)),
            ],
            Outputs = [CSimHarness.CompiledMarker, CSimHarness.CompileLog, CSimHarness.LogFile],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var log = CSimLog.Parse(result.OutputText(CSimHarness.LogFile));
        var compiled = result.Outputs.ContainsKey(CSimHarness.CompiledMarker);
        var run = result.Run;
        var limit = compiled && run.Limit == LimitHit.None && run.ExitCode is ToolRunResult.TimeoutExitCode or 137 ? LimitHit.WallClock : run.Limit;
        var side = new CSimSide(compiled, FirstLines(result.OutputText(CSimHarness.CompileLog) ?? run.StandardError), run.ExitCode, limit.ToString(),
            Tail(run.StandardError), log.CallsLogged.Count, result.FromCache);
        return (side, log);
    }

    private static string Ending(CSimSide side) => side.Limit switch
    {
        nameof(LimitHit.WallClock) => "it ran out of time (an endless loop?)",
        not "None" => $"it hit the {side.Limit} limit",
        _ when side.ExitCode == 0 => "it ended the program itself (exit() in the kernel?)",
        _ => $"it exited with status {side.ExitCode}{Signal(side.ExitCode)}" + (side.Stderr.Length > 0 ? $":\n{side.Stderr}" : ""),
    };

    private static string Signal(int exitCode) => exitCode switch
    {
        134 => " (SIGABRT: abort(), an assert, or a sanitizer's report)",
        136 => " (SIGFPE: a division by zero?)",
        139 => " (SIGSEGV: a bad pointer or array index?)",
        _ => "",
    };

    // "in a 8 1" → role, width and element count; the name may differ between kernel and reference.
    private static string Shape(string line)
    {
        var parts = line.Split(' ');
        return parts.Length == 4 ? $"{parts[0]} {parts[2]} {parts[3]}" : line;
    }

    private static string Words(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 4) return line;
        var role = parts[0] switch { "in" => "an input", "inout" => "an output (reference or array)", _ => "a return value" };
        return $"{role} {parts[1]} of {parts[2]} bits" + (parts[3] == "1" ? "" : $" × {parts[3]}");
    }

    private static string Describe(KernelSignature s) =>
        $"{s.Arguments.Count} argument(s){(s.ReturnType is null ? " and returns nothing" : $" and returns {s.ReturnType}")}";

    private static string Inputs(CSimCall call, IReadOnlyList<string> names) =>
        call.Inputs.Count == 0 ? "none" : string.Join(", ", call.Inputs.Select(i => $"{(i.Argument < names.Count ? names[i.Argument] : $"#{i.Argument}")}=0x{Shorten(i.Bits)}"));

    private static string Shorten(string bits) => bits.Length > 200 ? bits[..200] + "…" : bits;

    private static (int?, string, string) FirstDifferentElement(string expected, string got)
    {
        var e = expected.Split(',');
        var g = got.Split(',');
        if (e.Length == 1 && g.Length == 1) return (null, expected, got);
        for (var i = 0; i < Math.Max(e.Length, g.Length); i++)
        {
            var ei = i < e.Length ? e[i] : "(none)";
            var gi = i < g.Length ? g[i] : "(none)";
            if (ei != gi) return (i, ei, gi);
        }
        return (null, expected, got);
    }

    private static string FirstLines(string text)
    {
        var lines = text.Trim().Split('\n');
        var shown = string.Join('\n', lines.Take(MessageLines));
        return lines.Length > MessageLines ? $"{shown}\n… ({lines.Length - MessageLines} more lines)" : shown;
    }

    private static string Tail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 1500 ? "…" + trimmed[^1500..] : trimmed;
    }

    private static CSimReport Failed(FailureClass failure, string summary, TimeSpan elapsed) =>
        new() { Verdict = Verdict.Fail, FailureClass = failure, Summary = summary, Elapsed = elapsed };

    private static CSimReport Error(string summary, TimeSpan elapsed) =>
        new() { Verdict = Verdict.Error, FailureClass = FailureClass.ToolError, Summary = summary, Elapsed = elapsed };
}
