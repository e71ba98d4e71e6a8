namespace HwForge.Tools.Reward;

/// <summary>A candidate with the reward it was given.</summary>
public sealed record ScoredCandidate<T>(T Candidate, RewardResult Result);

/// <summary>Picks the candidate to keep when one number has to decide.</summary>
public static class RewardRanking
{
    /// <summary>
    /// The candidate with the highest reward, or null when there are none. On a tie the earliest wins,
    /// so re-running a search over the same candidates keeps the same pick. A candidate the judge could not
    /// judge is never picked: its reward says nothing about the design.
    /// </summary>
    public static ScoredCandidate<T>? Best<T>(IEnumerable<T> candidates, Func<T, RewardResult> score)
    {
        ScoredCandidate<T>? best = null;
        foreach (var candidate in candidates)
        {
            var result = score(candidate);
            if (result.Tier == RewardTier.NotJudged) continue;
            if (best is null || result.Reward > best.Result.Reward)
                best = new(candidate, result);
        }
        return best;
    }
}
