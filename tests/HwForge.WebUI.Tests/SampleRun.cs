using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

namespace HwForge.WebUI.Tests;

/// <summary>A run's events as the supervisor writes them: two candidates, one verified and one with a mismatch.</summary>
internal static class SampleRun
{
    public static RunEvent[] Events()
    {
        long seq = 0;
        RunEvent E(string type, string? stage = null, string? role = null, string? candidate = null, string? message = null, object? data = null) =>
            new() { Seq = ++seq, Time = DateTimeOffset.UnixEpoch.AddSeconds(seq), Type = type, Stage = stage, Role = role, Candidate = candidate, Message = message,
                Data = data is null ? null : RunJson.ToElement(data) };
        return
        [
            E(RunEventTypes.RunStarted, message: "using the offline catalog (no LLM)", data: new { mode = "offline", strategy = "the offline catalog (no LLM)", request = "an 8-bit adder" }),
            E(RunEventTypes.Stage, "spec", "supervisor", message: "writing the spec and its reference"),
            E(RunEventTypes.StepCompleted, data: new { top = "adder" }),
            E(RunEventTypes.Stage, "generate", "supervisor", message: "generating 2 candidate(s)"),
            E(RunEventTypes.CandidateProposed, "generate", "catalog", "c001", "adder with architecture=ripple",
                new { id = "c001", origin = "catalog", parameters = new { width = "8", architecture = "ripple" } }),
            E(RunEventTypes.CandidateProposed, "generate", "coder", "c002", "a hand-written adder", new { id = "c002", origin = "coder" }),
            E(RunEventTypes.CandidateJudged, "verify", "verifier", "c001", "verified", Verified("c001", 1412, 0.994)),
            E(RunEventTypes.CandidateJudged, "verify", "verifier", "c002", "failed: mismatch", Failed("c002")),
            E(RunEventTypes.RunFinished, "report", message: "c001 is verified: 1412 µm²", data: new { status = "verified", best = new { id = "c001" } }),
        ];
    }

    public static CandidateOutcome Verified(string id, double area, double delay) => new()
    {
        Id = id, Verdict = Verdict.Pass, FailureClass = FailureClass.None, Summary = "matches the reference; formally proven equivalent",
        Formal = "proven", Assurance = Assurance.Proven, Measurement = HwForge.Tools.Targets.Rtl.RtlTarget.Figures(area, 40, delay, 1000 / delay, 0.363, "osu018"),
        Reward = 1.02, Tier = RewardTier.Verified, RewardExplanation = "verified (proven)",
    };

    public static CandidateOutcome Failed(string id) => new()
    {
        Id = id, Verdict = Verdict.Fail, FailureClass = FailureClass.FunctionalMismatch, Summary = "differs from the reference",
        FirstMismatch = "cycle 3: sum = 0x1f, expected 0x20 (a=0x0f b=0x11)", Reward = 0.2, Tier = RewardTier.FunctionallyWrong,
        RewardExplanation = "functionally wrong",
    };
}
