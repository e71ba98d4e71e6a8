using HwForge.Tools.Judge;

namespace HwForge.Tools.Reward;

/// <summary>Turns the judge's verdict and failure class into the tier the reward is gated on.</summary>
public static class JudgeEvaluation
{
    /// <summary>
    /// Pass → verified. Fail → functionally wrong if the design compiled and ran (mismatch, reset, timeout),
    /// otherwise did-not-compile. Error → did-not-compile: nothing was learned about the design, so it earns nothing.
    /// </summary>
    public static Evaluation From(Verdict verdict, FailureClass failure, double? matchedFraction = null,
        FormalAssurance formal = FormalAssurance.None, PpaMetrics? ppa = null) => verdict switch
    {
        Verdict.Pass => Evaluation.Verified(ppa ?? PpaMetrics.Unmeasured, formal),
        Verdict.Fail when Compiled(failure) => Evaluation.FunctionallyWrong(matchedFraction, failure),
        Verdict.Fail => Evaluation.DidNotCompile(failure),
        _ => Evaluation.DidNotCompile(failure == FailureClass.None ? FailureClass.ToolError : failure),
    };

    /// <summary>How strongly the formal stage backed a verdict: a proof, a bounded check, or nothing.</summary>
    public static FormalAssurance Assurance(FormalStatus status) => status switch
    {
        FormalStatus.Proven => FormalAssurance.Proven,
        FormalStatus.Bounded => FormalAssurance.Bounded,
        _ => FormalAssurance.None,
    };

    // A forbidden construct or a design that ends the simulation itself is an attempt to fake a pass:
    // it gets tier 0 however many cycles matched, so gaming the harness never pays better than honest failure.
    // A failure the judge did not classify is not credited either; the gate errs towards no reward.
    private static bool Compiled(FailureClass failure) => failure is
        FailureClass.FunctionalMismatch or FailureClass.ResetBehaviour or FailureClass.Timeout;
}
