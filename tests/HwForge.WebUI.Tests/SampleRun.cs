using HwForge.Agents.Design;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.WebUI.Tests;

/// <summary>A run's events as the supervisor writes them: two candidates, one verified and one with a mismatch.</summary>
internal static class SampleRun
{
    public static RunEvent[] Events()
    {
        long seq = 0;
        RunEvent E(RunEvent e) => e with { Seq = ++seq, Time = DateTimeOffset.UnixEpoch.AddSeconds(seq) };
        return
        [
            E(new RunStartedEvent { Message = "using the offline catalog (no LLM)", Start = new RunStart(DesignMode.Offline, "the offline catalog (no LLM)", "an 8-bit adder") }),
            E(new StageEvent { Stage = "spec", Role = "supervisor", Message = "writing the spec and its reference" }),
            E(new StepCompletedEvent { Step = "spec", Result = RunJson.ToElement(new { top = "adder" }) }),
            E(new StageEvent { Stage = "generate", Role = "supervisor", Message = "generating 2 candidate(s)" }),
            E(new CandidateProposedEvent { Stage = "generate", Role = "catalog", Candidate = "c001", Message = "adder with architecture=ripple",
                Proposal = new ProposalSummary("c001", "catalog", null, new Dictionary<string, string> { ["width"] = "8", ["architecture"] = "ripple" }, "adder", 12) }),
            E(new CandidateProposedEvent { Stage = "generate", Role = "coder", Candidate = "c002", Message = "a hand-written adder",
                Proposal = new ProposalSummary("c002", "coder", null, null, "adder", 9) }),
            E(new CandidateJudgedEvent { Stage = "verify", Role = "verifier", Candidate = "c001", Message = "verified", Outcome = Verified("c001", 1412, 0.994) }),
            E(new CandidateJudgedEvent { Stage = "verify", Role = "verifier", Candidate = "c002", Message = "failed: mismatch", Outcome = Failed("c002") }),
            E(new RunFinishedEvent { Stage = "report", Message = "c001 is verified: 1412 µm²", Result = new RunResult("verified", Best("c001"), 0, 0) }),
        ];
    }

    private static CandidateRow Best(string id) => new(id, "catalog", null, "width=8, architecture=ripple", Verdict.Pass, FailureClass.None,
        "proven", null, Assurance.Proven, null, 1.02, true, "verified");

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
