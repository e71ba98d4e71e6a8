using HwForge.Tools.Judge;

namespace HwForge.Tools.Reward;

/// <summary>How far a candidate got through the judge; each tier outranks every score of the ones below.</summary>
public enum RewardTier
{
    DoesNotCompile = 0,
    FunctionallyWrong = 1,
    Verified = 2,
}

/// <summary>How strongly a verified design was checked beyond simulation.</summary>
public enum FormalAssurance
{
    None,
    Bounded,
    Proven,
}

/// <summary>
/// What the judge found about one candidate, reduced to what the reward needs. Build one with
/// <see cref="DidNotCompile"/>, <see cref="FunctionallyWrong"/> or <see cref="Verified"/>, which keep the
/// fields consistent with the tier (only a verified design has PPA worth scoring).
/// </summary>
public sealed record Evaluation
{
    private Evaluation(RewardTier tier, FailureClass failure, double matchedFraction, FormalAssurance formal, PpaMetrics ppa)
    {
        Tier = tier;
        Failure = failure;
        MatchedFraction = matchedFraction;
        Formal = formal;
        Metrics = ppa;
    }

    public RewardTier Tier { get; }

    /// <summary>Why it failed; <see cref="FailureClass.None"/> when verified.</summary>
    public FailureClass Failure { get; }

    /// <summary>Share of simulated cycles that matched before the first mismatch, in [0, 1]; 0 unless functionally wrong.</summary>
    public double MatchedFraction { get; }

    public FormalAssurance Formal { get; }

    /// <summary>Measured PPA; <see cref="PpaMetrics.Unmeasured"/> unless verified.</summary>
    public PpaMetrics Metrics { get; }

    /// <summary>Syntax, compile or interface failure (or anything the judge refuses to credit).</summary>
    public static Evaluation DidNotCompile(FailureClass failure = FailureClass.Compile) =>
        new(RewardTier.DoesNotCompile, failure, 0, FormalAssurance.None, PpaMetrics.Unmeasured);

    /// <summary>Compiled but simulated wrong; <paramref name="matchedFraction"/> null means unknown and counts as 0.</summary>
    public static Evaluation FunctionallyWrong(double? matchedFraction = null, FailureClass failure = FailureClass.FunctionalMismatch)
    {
        var fraction = matchedFraction ?? 0;
        if (!(fraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(matchedFraction), matchedFraction,
                "The matched fraction is matched cycles ÷ simulated cycles, so it must lie in [0, 1]; pass null when unknown.");
        return new(RewardTier.FunctionallyWrong, failure, fraction, FormalAssurance.None, PpaMetrics.Unmeasured);
    }

    /// <summary>Passed verification; <paramref name="ppa"/> holds whatever synthesis and timing measured.</summary>
    public static Evaluation Verified(PpaMetrics ppa, FormalAssurance formal = FormalAssurance.None) =>
        new(RewardTier.Verified, FailureClass.None, 0, formal, ppa);
}
