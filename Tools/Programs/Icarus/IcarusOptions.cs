using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Programs.Icarus;

/// <summary>How to compile and run one simulation. The defaults suit a self-checking testbench.</summary>
internal sealed record IcarusOptions
{
    public static IcarusOptions Default { get; } = new();

    /// <summary>Generated Verilog compiled after the user's sources (a harness or testbench the caller wrote).</summary>
    public IReadOnlyList<SourceFile> Harness { get; init; } = [];

    /// <summary>Files staged beside the sources but not compiled: memory images for <c>$readmemh</c>, include files.</summary>
    public IReadOnlyList<InputFile> DataFiles { get; init; } = [];

    /// <summary>Plusargs for <c>vvp</c>, such as <c>+seed=3</c>; a missing leading '+' is added.</summary>
    public IReadOnlyList<string> PlusArgs { get; init; } = [];

    /// <summary>Files the simulation writes (a VCD, a results file) to bring back, relative to its work folder.</summary>
    public IReadOnlyList<string> CollectFiles { get; init; } = [];

    /// <summary>Wall-clock budget for compile and simulation together; a testbench without <c>$finish</c> ends here.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
