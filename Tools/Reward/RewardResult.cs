namespace HwForge.Tools.Reward;

/// <summary>
/// A scored candidate. <see cref="Improvement"/> is the unclamped weighted improvement (0 below tier 2);
/// <see cref="Gains"/> lists each comparable objective's relative improvement and normalised weight.
/// </summary>
public sealed record RewardResult(
    double Reward,
    RewardTier Tier,
    double Improvement,
    IReadOnlyList<ObjectiveGain> Gains,
    string Explanation);
