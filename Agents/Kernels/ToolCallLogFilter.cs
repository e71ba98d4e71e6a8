using System.Diagnostics;
using System.Text.Json;
using HwForge.Agents.Runs;
using HwForge.Agents.Supervisor;
using HwForge.Tools.Foundation;
using Microsoft.SemanticKernel;

namespace HwForge.Agents.Kernels;

/// <summary>
/// Wraps every HwForge function a role's model calls: the call goes into the run's events as a <c>tool-call</c>,
/// and a tool that fails on the model's input answers with an error the model can read instead of ending the
/// turn; the conversation goes on and the judge still decides.
/// </summary>
internal sealed class ToolCallLogFilter(RunContext context, RoleTurn turn) : IFunctionInvocationFilter
{
    private const int ShownCharacters = 400;

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext call, Func<FunctionInvocationContext, Task> next)
    {
        var clock = Stopwatch.StartNew();
        string result;
        try
        {
            await next(call);
            result = call.Result.GetValue<object>() is { } value ? value as string ?? JsonSerializer.Serialize(value) : "";
        }
        catch (Exception e) when (e is ArgumentException or HwForgeException or JsonException or InvalidOperationException)
        {
            result = $"error: {e.Message}";
            call.Result = new FunctionResult(call.Function, result);
        }
        await context.Run.AppendAsync(new ToolCallEvent
        {
            Role = turn.Role,
            Stage = turn.Stage,
            Message = $"called {call.Function.Name} ({clock.Elapsed.TotalSeconds:0.0} s)",
            Call = new ToolCallSummary(call.Function.Name, Clip(Arguments(call.Arguments)), Clip(result), Math.Round(clock.Elapsed.TotalMilliseconds)),
        });
    }

    private static string Arguments(KernelArguments arguments) =>
        JsonSerializer.Serialize(arguments.ToDictionary(a => a.Key, a => a.Value?.ToString()));

    private static string Clip(string text) => text.Length <= ShownCharacters ? text : text[..ShownCharacters] + "…";
}
