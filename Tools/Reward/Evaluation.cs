using HwForge.Tools.Targets;

namespace HwForge.Tools.Reward;

/// <summary>
/// How far a candidate got through the judge; each tier outranks every score of the ones below, so
/// evidence comes before PPA: no area or delay buys a design past a stronger proof.
/// </summary>
public enum RewardTier
{
    /// <summary>
    /// The judge could not finish (a tool failed, the machine ran out of time): nothing was learned about the
    /// design, so it is neither right nor wrong. Below every tier so that no ordering ever prefers it, and
    /// kept out of "best" and the frontier altogether (see <see cref="RewardRanking"/>).
    /// </summary>
    NotJudged = -1,

    DoesNotCompile = 0,
    FunctionallyWrong = 1,

    /// <summary>No difference was found, but it was not proven (a bounded check, or simulation only).</summary>
    Unproven = 2,

    /// <summary>Verified means proven: a full proof of equivalence with the reference.</summary>
    Verified = 3,
}

/// <summary>
/// What the judge found about one candidate, reduced to what the reward needs. Build one with
/// <see cref="DidNotCompile"/>, <see cref="FunctionallyWrong"/> or <see cref="Passed"/>, which keep the
/// fields consistent with the tier (only a design that passed has PPA worth scoring).
/// </summary>
public sealed record Evaluation
{
    private Evaluation(RewardTier tier, FailureClass failure, double matchedFraction, Assurance assurance, PpaMetrics ppa)
    {
        Tier = tier;
        Failure = failure;
        MatchedFraction = matchedFraction;
        Assurance = assurance;
        Metrics = ppa;
    }

    public RewardTier Tier { get; }

    /// <summary>Why it failed; <see cref="FailureClass.None"/> when it passed.</summary>
    public FailureClass Failure { get; }

    /// <summary>Share of simulated cycles that matched before the first mismatch, in [0, 1]; 0 unless functionally wrong.</summary>
    public double MatchedFraction { get; }

    /// <summary>How strongly "no difference" was shown; <see cref="Targets.Assurance.None"/> unless it passed.</summary>
    public Assurance Assurance { get; }

    /// <summary>Measured PPA; <see cref="PpaMetrics.Unmeasured"/> unless it passed.</summary>
    public PpaMetrics Metrics { get; }

    /// <summary>Syntax, compile or interface failure (or anything the judge refuses to credit).</summary>
    public static Evaluation DidNotCompile(FailureClass failure = FailureClass.Compile) =>
        new(RewardTier.DoesNotCompile, failure, 0, Assurance.None, PpaMetrics.Unmeasured);

    /// <summary>No verdict on the design: the judge itself could not finish (<paramref name="failure"/> says how).</summary>
    public static Evaluation NotJudged(FailureClass failure = FailureClass.ToolError) =>
        new(RewardTier.NotJudged, failure, 0, Assurance.None, PpaMetrics.Unmeasured);

    /// <summary>Compiled but simulated wrong; <paramref name="matchedFraction"/> null means unknown and counts as 0.</summary>
    public static Evaluation FunctionallyWrong(double? matchedFraction = null, FailureClass failure = FailureClass.FunctionalMismatch)
    {
        var fraction = matchedFraction ?? 0;
        if (!(fraction is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(matchedFraction), matchedFraction,
                "The matched fraction is matched cycles ÷ simulated cycles, so it must lie in [0, 1]; pass null when unknown.");
        return new(RewardTier.FunctionallyWrong, failure, fraction, Assurance.None, PpaMetrics.Unmeasured);
    }

    /// <summary>
    /// No difference found, shown as strongly as <paramref name="assurance"/>: only <see cref="Targets.Assurance.Proven"/>
    /// is verified. <paramref name="ppa"/> holds whatever synthesis and timing measured.
    /// </summary>
    public static Evaluation Passed(PpaMetrics ppa, Assurance assurance)
    {
        // A pass always says how strongly it was shown; "none" would let a caller forget to ask.
        if (assurance == Assurance.None)
            throw new ArgumentOutOfRangeException(nameof(assurance), assurance, "A pass is proven, bounded or simulated; say which.");
        return new(assurance == Assurance.Proven ? RewardTier.Verified : RewardTier.Unproven, FailureClass.None, 0, assurance, ppa);
    }
}
