namespace HwForge.Tools.Targets.Hls.Estimate;

/// <summary>
/// What the source suggests a kernel's hardware would be: cycles from start to done, cycles between calls, and
/// operator instances. An estimate from text (loop trip counts and pragmas), labelled so wherever it is shown:
/// no HLS compiler scheduled anything. Used to rank candidates before the real tools, never as a result.
/// </summary>
internal sealed record HlsEstimate
{
    /// <summary>Estimated cycles from ap_start to ap_done; null when a loop's trip count is not constant.</summary>
    public int? Latency { get; init; }

    /// <summary>Estimated cycles between calls (the initiation interval); null when the latency is unknown.</summary>
    public int? Interval { get; init; }

    /// <summary>Multiplier instances (each assumed to be one DSP slice: operands of at most 18 × 27 bits).</summary>
    public int Multipliers { get; init; }

    /// <summary>Adder and subtractor instances.</summary>
    public int Adders { get; init; }

    /// <summary>How the figures were reached, one line per loop or assumption.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// The estimate's model, deliberately simple and written out so its error can be measured against RTL
/// (docs/BENCHMARKS.md): a function <c>PIPELINE</c> unrolls every loop in it and starts a call every II cycles;
/// a loop runs ceil(trips / unroll) iterations, each as deep as one multiply stage plus an adder tree over its
/// additions, plus one cycle of loop control when not pipelined; a pipelined loop overlaps iterations II apart.
/// Different loops share no operators; a loop's unrolled copies are parallel.
/// </summary>
internal static class HlsEstimator
{
    public static HlsEstimate Estimate(string source, string top)
    {
        if (SourceLoops.Body(source, top) is not { } body)
            return new HlsEstimate { Notes = [$"no body of {top} found to estimate"] };
        var loops = SourceLoops.Loops(source, body.Start, body.End);
        var function = SourceLoops.FunctionPragmas(source, body.Start, body.End, loops);
        var pipeline = function.LastOrDefault(p => p.Directive == "PIPELINE" && p.Option("off") is null);
        var notes = new List<string>();
        var (multiplies, adds) = SourceLoops.Operations(source, body.Start, body.End, loops);

        if (pipeline is not null)
        {
            // Pipelining a function unrolls every loop inside it: all operators at once, one call every II cycles.
            var (m, a, ok) = Unrolled(source, loops, notes);
            var totalM = multiplies + m;
            var totalA = adds + a;
            var ii = Math.Max(1, pipeline.IntOption("II") ?? 1);
            int? depth = ok ? Depth(totalM, totalA) : null;
            notes.Insert(0, $"function pipelined (II={ii}): every loop unrolled, {totalM} multiplier(s) and {totalA} adder(s) in parallel");
            return new HlsEstimate { Latency = depth, Interval = depth is null ? null : ii, Multipliers = totalM, Adders = totalA, Notes = notes };
        }

        var latency = (int?)Depth(multiplies, adds);
        var multipliers = multiplies;
        var adders = adds;
        foreach (var loop in loops)
        {
            var (cycles, m, a) = Loop(source, loop, notes);
            latency = latency is null || cycles is null ? null : latency + cycles;
            multipliers += m;
            adders += a;
        }
        notes.Insert(0, "function not pipelined: a call starts when the previous one is done");
        return new HlsEstimate { Latency = latency, Interval = latency is null ? null : latency + 1, Multipliers = multipliers, Adders = adders, Notes = notes };
    }

    private static (int? Cycles, int Multipliers, int Adders) Loop(string source, SourceLoop loop, List<string> notes)
    {
        var name = loop.Label.Length > 0 ? loop.Label : $"loop at line {loop.Line}";
        var (m, a) = SourceLoops.Operations(source, loop.BodyStart, loop.BodyEnd, loop.Inner);
        if (loop.Trips is not { } trips)
        {
            notes.Add($"{name}: trip count not constant, latency unknown");
            return (null, m, a);
        }
        var unroll = loop.Pragmas.LastOrDefault(p => p.Directive == "UNROLL" && p.Option("off") is null);
        var factor = unroll is null ? 1 : Math.Clamp(unroll.IntOption("factor") ?? trips, 1, Math.Max(1, trips));
        var iterations = (trips + factor - 1) / factor;
        var copiesM = m * factor;
        var copiesA = a * factor;
        int? inner = 0;
        foreach (var child in loop.Inner)
        {
            var (cycles, cm, ca) = Loop(source, child, notes);
            inner = inner is null || cycles is null ? null : inner + cycles * factor;
            copiesM += cm * factor;
            copiesA += ca * factor;
        }
        var depth = Depth(m * factor, a * factor) + inner;
        var pipeline = loop.Pragmas.LastOrDefault(p => p.Directive == "PIPELINE" && p.Option("off") is null);
        int? cycles2 = depth is null ? null
            : pipeline is not null ? (iterations - 1) * Math.Max(1, pipeline.IntOption("II") ?? 1) + Math.Max(1, depth.Value)
            : iterations * (depth.Value + 1);
        notes.Add($"{name}: {trips} trip(s), unroll {factor}, {iterations} iteration(s)" + (pipeline is not null ? $", pipelined II={pipeline.IntOption("II") ?? 1}" : "") + $": {cycles2?.ToString() ?? "unknown"} cycle(s)");
        return (cycles2, copiesM, copiesA);
    }

    private static (int Multipliers, int Adders, bool Known) Unrolled(string source, IReadOnlyList<SourceLoop> loops, List<string> notes)
    {
        var (multipliers, adders, known) = (0, 0, true);
        foreach (var loop in loops)
        {
            var (m, a) = SourceLoops.Operations(source, loop.BodyStart, loop.BodyEnd, loop.Inner);
            var (im, ia, ik) = Unrolled(source, loop.Inner, notes);
            if (loop.Trips is not { } trips) { notes.Add($"loop at line {loop.Line}: trip count not constant"); known = false; continue; }
            multipliers += trips * (m + im);
            adders += trips * (a + ia);
            known &= ik;
        }
        return (multipliers, adders, known);
    }

    // One stage for the multipliers (if any), then an adder tree: ceil(log2(adds + 1)) stages.
    private static int Depth(int multiplies, int adds) =>
        (multiplies > 0 ? 1 : 0) + (adds > 0 ? (int)Math.Ceiling(Math.Log2(adds + 1)) : 0);
}
