using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Whether an RTL reference can be judged against at all, before any candidate is: its top is a plain module
/// name, it elaborates under that top, and it has the clock and reset the spec names. A spec whose reference
/// fails here would make every candidate's verdict an error, so the run asks its author again or stops plainly.
/// </summary>
internal static class ReferenceCheck
{
    /// <summary>Why the reference cannot be judged against, in words for its author; null when it can (or only the tools failed).</summary>
    public static async Task<string?> ProblemAsync(ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> reference, string top,
        string? clock, string? reset, CancellationToken cancellation)
    {
        if (!VerilogNames.IsPlain(top)) return $"the reference's top '{top}' is not a plain Verilog module name";
        var probe = await InterfaceProbe.RunAsync(host, versions, reference, top, cancellation).ConfigureAwait(false);
        // A tool that timed out or cannot read the code says nothing about the reference: the verifier decides later.
        if (probe.Interface is null)
            return probe.Failure is FailureClass.Timeout or FailureClass.ToolError ? null : $"the reference does not elaborate with top {top}: {probe.Detail}";
        if (!probe.Interface.Outputs.Any()) return $"the reference {top} has no outputs to compare";
        return SpecPorts.Problem(probe.Interface, clock, reset, "the reference");
    }
}
