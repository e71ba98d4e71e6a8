using HwForge.Agents.Judging;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Catalog;
using HwForge.Tools.Execution;

namespace HwForge.Agents;

/// <summary>Runs (or resumes) a design run with a strategy; the one entry point for the CLI, the web UI and batch jobs.</summary>
public sealed class DesignRunner(ToolHost host, ToolVersions versions)
{
    public Task<RunReport> RunAsync(RunFolder run, IDesignStrategy strategy, CancellationToken cancellation) =>
        new DesignSupervisor(strategy, new CandidateJudge(host, versions, run.Options)).RunAsync(run, cancellation);
}
