using HwForge.Agents.Judging;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.KnowledgeBase;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;

namespace HwForge.Agents;

/// <summary>
/// Runs (or resumes) a design run with a strategy; the one entry point for the CLI, the web UI and batch jobs.
/// With a knowledge base, every run's verified designs and repairs are recorded for the next runs' prompts.
/// </summary>
public sealed class DesignRunner(ToolHost host, ToolVersions versions, IKnowledgeStore? knowledge = null, TargetRegistry? targets = null)
{
    private readonly TargetRegistry _targets = targets ?? TargetRegistry.Create(host, versions);

    public Task<RunReport> RunAsync(RunFolder run, IDesignStrategy strategy, CancellationToken cancellation)
    {
        var target = _targets.Get(run.Options.Target);
        // Options were checked against the shipped targets when the run was made; this is the check for any
        // target, with the target itself, before anything is spent.
        var problems = new List<OptionProblem>();
        RunOptionTable.ForTarget(target.Name, target.Options, run.Options.TargetOptions, problems);
        if (problems.FirstOrDefault() is { } problem) throw new HwForgeException(problem.Kind, problem.Message);
        return new DesignSupervisor(strategy, new CandidateJudge(target, run.Options),
            knowledge is null ? null : new ExperienceRecorder(knowledge)).RunAsync(run, cancellation);
    }
}
