using HwForge.Agents.Roles;
using HwForge.Agents.Supervisor;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace HwForge.Agents.Kernels;

/// <summary>
/// The Semantic Kernel a role's turn runs in: the model behind SK's chat completion service with SK's automatic
/// function invocation, HwForge's tools as the <see cref="DesignPlugin"/>, and the run's policy as filters
/// (<see cref="ToolCallLogFilter"/> logs every tool call, <see cref="BudgetFilter"/> stops a turn whose run has
/// spent its budget, <see cref="OwnToolsOnlyFilter"/> runs nothing but HwForge's own sandboxed tools). docs/AGENTS.md draws how they fit together.
/// </summary>
internal static class RoleKernel
{
    public static Microsoft.SemanticKernel.Kernel Create(IChatClient model, RunContext context, IPromptKnowledge? knowledge, RoleTurn turn, int maxToolRounds)
    {
        // Outermost first: SK's function invocation runs the tool loop (and the auto-invocation filters); under it
        // the recorder sees each single request to the model.
        var pipeline = new ChatClientBuilder(model)
            .UseKernelFunctionInvocation()
            .Use(inner => new LlmCallRecorder(inner, context, turn))
            .Build();
        var builder = Microsoft.SemanticKernel.Kernel.CreateBuilder();
        builder.Services.AddSingleton(pipeline.AsChatCompletionService());
        builder.Plugins.Add(DesignPlugin.Create(context.Target, knowledge));
        var kernel = builder.Build();
        kernel.FunctionInvocationFilters.Add(new ToolCallLogFilter(context, turn));
        // The budget first: a spent run refuses every call, HwForge's or not, and ends the turn.
        kernel.AutoFunctionInvocationFilters.Add(new BudgetFilter(context, turn, maxToolRounds));
        kernel.AutoFunctionInvocationFilters.Add(new OwnToolsOnlyFilter(context, turn));
        return kernel;
    }
}
