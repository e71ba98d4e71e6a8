using HwForge.Agents.Runs;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Supervisor;

/// <summary>What a strategy may use while it works: the run (to record events and files), the budget, and the target designs are written for.</summary>
public sealed class RunContext(RunFolder run, BudgetTracker budget, ITarget target)
{
    public ITarget Target { get; } = target;

    public RunFolder Run { get; } = run;

    public RunOptions Options => Run.Options;

    public BudgetTracker Budget { get; } = budget;

    public Task<RunEvent> SayAsync(string role, string stage, string message, string? candidate = null) =>
        Run.AppendAsync(new MessageEvent { Role = role, Stage = stage, Candidate = candidate, Message = message });
}
