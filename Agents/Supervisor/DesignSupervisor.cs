using System.Collections.Concurrent;
using HwForge.Agents.Design;
using HwForge.Agents.Judging;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using HwForge.Tools.Reward;

namespace HwForge.Agents.Supervisor;

/// <summary>
/// The run, as an explicit sequence of stages: spec → baseline → generate N candidates → judge →
/// repair up to R rounds while none passed → optimize up to K rounds → report. Every costly step
/// goes through the run's <see cref="StepJournal"/>, so a killed run resumes where it stopped; every
/// verdict and reward comes from the <see cref="CandidateJudge"/>, never from a model's own claims.
/// </summary>
internal sealed class DesignSupervisor(IDesignStrategy strategy, CandidateJudge judge, ExperienceRecorder? experience = null)
{
    public async Task<RunReport> RunAsync(RunFolder run, CancellationToken cancellation)
    {
        var options = run.Options;
        var resumed = run.Events.Events.Count > 0;
        var start = new RunStart(options.Mode, strategy.Description, options.Request);
        await run.AppendAsync(resumed
            ? new RunResumedEvent { Message = "resumed with " + strategy.Description, Start = start }
            : new RunStartedEvent { Message = "using " + strategy.Description, Start = start });
        var budget = new BudgetTracker(options.Budget, run.Events.Events);
        var context = new RunContext(run, budget, judge.Target);
        var ids = new CandidateIds();
        var history = new List<JudgedCandidate>();
        string? stopReason = null;

        try
        {
            // 1. The spec comes first: nothing can be judged without the reference it names.
            await StageAsync(run, "spec", "writing the spec and its reference");
            var spec = await run.Journal.RunAsync("spec", c => strategy.CreateSpecAsync(context, c), cancellation);
            WriteSpec(run, spec);
            // A user's reference that cannot be judged against would make every verdict an error: refused now, in
            // the user's words. The Architect's is checked as it writes it; the catalog's generators are tested.
            if (spec.ReferenceOrigin == ReferenceOrigin.User && await judge.Target.CheckReferenceAsync(spec.Reference, spec.Hints, cancellation) is { } problem)
                throw new HwForgeException(ProblemKind.InvalidInput, $"the spec cannot be judged: {problem}");

            // 2. The reference's figures are the baseline improvements are measured against.
            await StageAsync(run, "baseline", "measuring the reference as the baseline");
            var referencePpa = await run.Journal.RunAsync("baseline", c => judge.MeasureReferenceAsync(spec, c), cancellation);
            var baseline = new Baseline(referencePpa?.Metrics);

            // 3. N first candidates, judged.
            await StageAsync(run, "generate", $"generating {options.Candidates} candidate(s)");
            var firstIds = ids.Next(options.Candidates);
            var first = await run.Journal.RunAsync("generate", c => strategy.ProposeAsync(context, spec, firstIds, c), cancellation);
            var latest = await JudgeAllAsync(run, spec, first, baseline, history, cancellation);

            // 4. Repair while nothing passed: each failed candidate of the last round gets the judge's feedback.
            // A pass that is not proven has no failure to repair; the optimizer may still find a proven variant.
            for (var round = 1; round <= options.RepairRounds && !history.Any(h => h.Outcome.Passed); round++)
            {
                if ((stopReason = budget.Exhausted()) is not null) break;
                await StageAsync(run, "repair", $"repair round {round} of {options.RepairRounds}");
                // A candidate the judge could not judge has no fault to show a repair prompt: it is left as it is.
                var failed = latest.Where(h => !h.Outcome.Passed && !h.Outcome.NotJudged).OrderByDescending(h => h.Outcome.Reward).ToList();
                var repairs = new List<CandidateProposal>();
                foreach (var candidate in failed)
                {
                    if ((stopReason = budget.Exhausted()) is not null) break;
                    var id = ids.Next();
                    var repaired = await run.Journal.RunAsync($"repair/{round}/{candidate.Proposal.Id}",
                        c => strategy.RepairAsync(context, spec, candidate, id, c), cancellation);
                    if (repaired is not null) repairs.Add(repaired);
                }
                if (repairs.Count == 0) break;
                latest = await JudgeAllAsync(run, spec, repairs, baseline, history, cancellation);
            }

            // 5. Optimize only from a design that passed; only passing proposals can count, and the reward
            // ranks every proven one above every unproven one.
            for (var round = 1; round <= options.OptimizeRounds && history.Any(h => h.Outcome.Passed) && stopReason is null; round++)
            {
                if ((stopReason = budget.Exhausted()) is not null) break;
                await StageAsync(run, "optimize", $"optimization round {round} of {options.OptimizeRounds}");
                var roundIds = ids.Next(options.OptimizeBatch);
                var snapshot = history.ToList();
                var proposals = await run.Journal.RunAsync($"optimize/{round}",
                    c => strategy.OptimizeAsync(context, spec, snapshot, round, roundIds, c), cancellation);
                if (proposals.Count == 0)
                {
                    await context.SayAsync("optimizer", "optimize", "nothing new left to try");
                    break;
                }
                await JudgeAllAsync(run, spec, proposals, baseline, history, cancellation);
            }
            if (stopReason is not null)
                await run.AppendAsync(new BudgetExhaustedEvent { Message = stopReason });

            // 6. The report: the best design with its assurance, the frontier, and what it was checked against.
            await StageAsync(run, "report", "writing the report");
            var report = RunReportBuilder.Build(run, judge.Target, strategy.Description, spec, referencePpa, history, budget, stopReason);
            ReportWriter.Write(run, report, spec, history);
            await RecordExperienceAsync(run, spec, history, cancellation);
            await run.AppendAsync(new RunFinishedEvent
            {
                Stage = "report",
                Message = report.Headline,
                // What was shown and whether --accept let it through: a page must not have to guess "verified" from the status.
                Result = new RunResult(report.Status, report.Best, report.LlmCalls, report.Tokens) { Shown = report.Shown, Accept = report.Accept, Accepted = report.Accepted },
            });
            return report;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await run.AppendAsync(new RunFailedEvent { Message = e.Message });
            throw;
        }
    }

    private async Task<List<JudgedCandidate>> JudgeAllAsync(RunFolder run, DesignSpec spec, IReadOnlyList<CandidateProposal> proposals,
        Baseline baseline, List<JudgedCandidate> history, CancellationToken cancellation)
    {
        foreach (var proposal in proposals)
            await run.Journal.RunAsync($"propose/{proposal.Id}", _ => RecordProposalAsync(run, proposal), cancellation);

        var judged = new ConcurrentDictionary<string, JudgedCandidate>();
        var metrics = baseline.Metrics;
        // Each verification already runs its tools in parallel; two at once keeps a small machine busy without thrashing.
        await Parallel.ForEachAsync(proposals, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellation }, async (proposal, c) =>
        {
            var outcome = await run.Journal.RunAsync($"judge/{proposal.Id}", async c2 =>
            {
                var result = await judge.JudgeAsync(spec, proposal, metrics, run, c2);
                await run.AppendAsync(new CandidateJudgedEvent
                {
                    Stage = "verify",
                    Role = "verifier",
                    Candidate = proposal.Id,
                    Message = result.Passed ? result.RewardExplanation : result.NotJudged ? $"not judged: {result.Summary}" : $"failed: {result.Summary}",
                    Outcome = result,
                });
                return result;
            }, c);
            judged[proposal.Id] = new JudgedCandidate(proposal, outcome);
        });
        var batch = proposals.Select(p => judged[p.Id]).ToList();
        history.AddRange(batch);
        baseline.AdoptFirstPassing(batch);
        return batch;
    }

    private static async Task<CandidateProposal> RecordProposalAsync(RunFolder run, CandidateProposal proposal)
    {
        var folder = Path.Combine("candidates", proposal.Id);
        foreach (var file in proposal.Design.Files) run.Write(Path.Combine(folder, file.FileName), file.Text);
        foreach (var file in proposal.Reference?.Design?.Files ?? []) run.Write(Path.Combine(folder, file.FileName), file.Text);
        run.WriteJson(Path.Combine(folder, "candidate.json"), new
        {
            proposal.Id, proposal.Origin, proposal.Top, proposal.Design.Target, proposal.ParentId, proposal.Notes, proposal.Parameters,
            files = proposal.Design.Files.Select(f => f.FileName), reference = proposal.Reference?.Design?.Files.Select(f => f.FileName),
        });
        await run.AppendAsync(new CandidateProposedEvent
        {
            Stage = proposal.Origin == "optimizer" || proposal.Origin == "search" ? "optimize" : proposal.Origin == "repair" ? "repair" : "generate",
            Role = proposal.Origin,
            Candidate = proposal.Id,
            Message = proposal.Notes ?? $"candidate {proposal.Id}",
            Proposal = new ProposalSummary(proposal.Id, proposal.Origin, proposal.ParentId, proposal.Parameters, proposal.Top, proposal.Design.Files.Count == 0 ? 0 : proposal.Design.Lines),
        });
        return proposal;
    }

    private static void WriteSpec(RunFolder run, DesignSpec spec)
    {
        run.WriteJson(Path.Combine("spec", "spec.json"), new
        {
            spec.Target, spec.Top, spec.Description, spec.ReferenceOrigin, referenceTop = spec.Reference.Top,
            reference = spec.Reference.Design?.Files.Select(f => f.FileName),
            model = spec.Reference.Model?.Source.FileName,
            spec.Clock, spec.Reset, spec.ResetActiveLow, spec.Family, spec.Parameters, spec.PinnedParameters, spec.Assumptions,
        });
        foreach (var file in spec.Reference.Design?.Files ?? []) run.Write(Path.Combine("spec", file.FileName), file.Text);
        if (spec.Reference.Model is { } model) run.Write(Path.Combine("spec", model.Source.FileName), model.Source.Text);
    }

    // Learning from the run is a bonus: a knowledge base that cannot be written never costs the user the run.
    private async Task RecordExperienceAsync(RunFolder run, DesignSpec spec, IReadOnlyList<JudgedCandidate> history, CancellationToken cancellation)
    {
        if (experience is null) return;
        try
        {
            await experience.RecordAsync(run.Id, spec, history, judge.Target.FileKinds[0].Fence, cancellation);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            await run.AppendAsync(new MessageEvent { Role = "supervisor", Stage = "report", Message = $"the knowledge base could not record this run: {e.Message}" });
        }
    }

    private static Task<RunEvent> StageAsync(RunFolder run, string stage, string message) =>
        run.AppendAsync(new StageEvent { Stage = stage, Role = "supervisor", Message = message });

    /// <summary>The reference's measurement, or, when it has none (a C++ model), the first passing candidate's.</summary>
    private sealed class Baseline(PpaMetrics? reference)
    {
        public PpaMetrics Metrics { get; private set; } = reference ?? PpaMetrics.Unmeasured;

        public void AdoptFirstPassing(IEnumerable<JudgedCandidate> batch)
        {
            if (Metrics != PpaMetrics.Unmeasured) return;
            if (batch.FirstOrDefault(b => b.Outcome.Passed && b.Outcome.Measurement is not null) is { } first) Metrics = first.Outcome.Metrics;
        }
    }
}
