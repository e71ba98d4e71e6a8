using System.Diagnostics;
using HwForge.Tools.Foundation.Diagnostics;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The verification under way: stages so far, and the one place a report is put together.</summary>
/// <param name="onStage">Told of each stage as it is decided, with its word (<see cref="StageWords"/>), for progress a person watches.</param>
internal sealed class PipelineRun(Stopwatch clock, Action<StageResult, string>? onStage = null)
{
    private readonly List<StageResult> _stages = [];
    private readonly List<Diagnostic> _diagnostics = [];

    /// <summary>The verifier adds the tools' versions to the finished report.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoToolsYet = new Dictionary<string, string>();

    public FormalResult Formal { get; set; } = FormalResult.Skipped("an earlier stage decided");

    public byte[]? Vcd { get; set; }

    public ModuleInterface? Interface { get; set; }

    public void AddDiagnostics(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    public void Add(StageName stage, StageStatus status, TimeSpan time, string detail, bool fromCache = false)
    {
        var result = new StageResult(stage, status, time, detail, fromCache);
        _stages.Add(result);
        // The formal result is set before its stage is added, so its word says proven or bounded.
        onStage?.Invoke(result, StageWords.Of(result, Formal.Status));
    }

    public void Pass(StageName stage, TimeSpan time, string detail, bool fromCache = false) => Add(stage, StageStatus.Passed, time, detail, fromCache);

    public void Skip(StageName stage, string why) => Add(stage, StageStatus.Skipped, TimeSpan.Zero, why);

    public VerifyReport Fail(StageName stage, FailureClass failure, TimeSpan time, string detail, bool fromCache = false, Mismatch? mismatch = null)
    {
        Add(stage, StageStatus.Failed, time, detail, fromCache);
        return Report(Verdict.Fail, failure, stage, $"{stage} failed ({failure}): {detail}", mismatch);
    }

    public VerifyReport Error(string detail) => Report(Verdict.Error, FailureClass.ToolError, null, detail, null);

    /// <summary>Cycles the design was simulated against the reference, for the words of the report.</summary>
    public int SimulatedCycles { get; set; }

    /// <summary>
    /// No stage found a difference. How strongly that was shown decides the words: only a proof is
    /// "verified"; a bounded check and simulation say what they covered and that it is not a proof.
    /// </summary>
    public VerifyReport Finish()
    {
        var (assurance, shown) = Formal.Status switch
        {
            FormalStatus.Proven => (Assurance.Proven,
                $"formally proven equivalent ({Formal.Detail}); also matched in {SimulatedCycles} simulated cycles"),
            FormalStatus.Bounded => (Assurance.Bounded,
                $"no difference in {Formal.Bound} cycles {(Interface?.Reset is null ? "from power-up" : "from reset")} (formal, bounded) and {SimulatedCycles} simulated cycles; not proven"),
            _ => (Assurance.Simulated,
                $"no difference in {SimulatedCycles} simulated cycles; not proven ({Formal.Detail})"),
        };
        var decided = Formal.Status is FormalStatus.Proven or FormalStatus.Bounded ? StageName.Formal : StageName.Simulation;
        var summary = assurance == Assurance.Proven ? $"verified: {shown}" : shown;
        return Report(Verdict.Pass, FailureClass.None, decided, summary, null) with { Assurance = assurance, Shown = shown };
    }

    private VerifyReport Report(Verdict verdict, FailureClass failure, StageName? decidedBy, string summary, Mismatch? mismatch) =>
        new(verdict, failure, decidedBy, summary, [.. _stages.OrderBy(s => s.Stage)], mismatch, Formal, [.. _diagnostics], Interface, NoToolsYet, clock.Elapsed) { Vcd = Vcd };
}
