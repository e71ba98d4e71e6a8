using HwForge.Tools.Targets;

namespace HwForge.Agents.Judging;

/// <summary>
/// A judge <see cref="Verdict.Error"/> (a tool failed, the machine ran out of time) is an infrastructure outcome, not a
/// verdict on the design, and is often passing (a busy machine, a tool killed by a limit): asked once more. The
/// second attempt is fresh, since a target never caches an error. If it still errors, the caller reports the
/// candidate as not judged rather than wrong.
/// </summary>
internal static class JudgeAgain
{
    public static async Task<(TargetVerdict Verdict, int Attempts)> VerifyAsync(Func<CancellationToken, Task<TargetVerdict>> verify, CancellationToken cancellation)
    {
        var first = await verify(cancellation);
        if (first.Verdict != Verdict.Error || cancellation.IsCancellationRequested) return (first, 1);
        return (await verify(cancellation), 2);
    }
}
