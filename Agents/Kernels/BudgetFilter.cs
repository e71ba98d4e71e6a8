using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using Microsoft.SemanticKernel;

namespace HwForge.Agents.Kernels;

/// <summary>
/// Stands before every tool call the model asks for: once the run's budget is spent, or the turn has used its
/// rounds of tool calls, the call is not run and the turn ends there (SK's <c>Terminate</c>), so no further
/// request goes to the model. The supervisor then sees the same spent budget and stops the run.
/// </summary>
internal sealed class BudgetFilter(RunContext context, RoleTurn turn, int maxToolRounds) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext call, Func<AutoFunctionInvocationContext, Task> next)
    {
        var why = context.Budget.Exhausted()
            ?? (call.RequestSequenceIndex >= maxToolRounds ? $"the turn's {maxToolRounds} rounds of tool calls are used" : null);
        if (why is null)
        {
            await next(call);
            return;
        }
        call.Terminate = true;
        await context.Run.AppendAsync(new ToolCallEvent
        {
            Role = turn.Role,
            Stage = turn.Stage,
            Message = $"did not call {call.Function.Name}: {why}",
            Call = new ToolCallSummary(call.Function.Name, "", why, 0, Refused: true),
        });
    }
}
