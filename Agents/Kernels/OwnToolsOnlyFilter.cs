using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using Microsoft.SemanticKernel;

namespace HwForge.Agents.Kernels;

/// <summary>
/// A model's tool call runs only a function of HwForge's own plugin, whose tools run in the sandbox like every tool
/// run. Any other function that reaches the kernel (a plugin added later by mistake, a prompt function) is refused
/// here, once, rather than trusted to each place that builds a kernel.
/// </summary>
internal sealed class OwnToolsOnlyFilter(RunContext context, RoleTurn turn) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext call, Func<AutoFunctionInvocationContext, Task> next)
    {
        if (call.Function.PluginName == DesignPlugin.Name)
        {
            await next(call);
            return;
        }
        var why = $"only HwForge's own tools may run, and {call.Function.Name} is not one";
        call.Result = new FunctionResult(call.Function, $"error: {why}");
        await context.Run.AppendAsync(new ToolCallEvent
        {
            Role = turn.Role,
            Stage = turn.Stage,
            Message = $"did not call {call.Function.Name}: {why}",
            Call = new ToolCallSummary(call.Function.Name, "", why, 0, Refused: true),
        });
    }
}
