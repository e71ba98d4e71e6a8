using HwForge.Tools.Targets;

namespace HwForge.Tools.Reward;

/// <summary>Turns the judge's verdict, failure class and assurance into the tier the reward is gated on.</summary>
public static class JudgeEvaluation
{
    /// <summary>
    /// Pass → verified if proven, otherwise unproven at its <paramref name="assurance"/>. Fail → functionally wrong
    /// if the design compiled and ran (mismatch, reset, a real hang), otherwise did-not-compile. Error → not judged:
    /// nothing was learned about the design (a tool failed, or the machine ran out of time), so it is neither
    /// credited nor counted as a fault of the design.
    /// </summary>
    public static Evaluation From(Verdict verdict, FailureClass failure, double? matchedFraction = null,
        Assurance assurance = Assurance.None, PpaMetrics? ppa = null) => verdict switch
    {
        // A pass that does not say how it was shown (a report from before assurance existed) is taken at the
        // weakest strength: it must never be credited as a proof by default.
        Verdict.Pass => Evaluation.Passed(ppa ?? PpaMetrics.Unmeasured, assurance == Assurance.None ? Assurance.Simulated : assurance),
        Verdict.Fail when Compiled(failure) => Evaluation.FunctionallyWrong(matchedFraction, failure),
        Verdict.Fail => Evaluation.DidNotCompile(failure),
        _ => Evaluation.NotJudged(failure == FailureClass.None ? FailureClass.ToolError : failure),
    };

    // A forbidden construct or a design that ends the simulation itself is an attempt to fake a pass:
    // it gets tier 0 however many cycles matched, so gaming the harness never pays better than honest failure.
    // A failure the judge did not classify is not credited either; the gate errs towards no reward.
    private static bool Compiled(FailureClass failure) => failure is
        FailureClass.FunctionalMismatch or FailureClass.ResetBehaviour or FailureClass.Timeout;
}
