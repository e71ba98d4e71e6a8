using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Programs.Yosys;

/// <summary>Why a synthesis produced no design.</summary>
internal enum SynthesisFailureKind
{
    /// <summary>A source does not parse or elaborate; <see cref="SynthesisFailure.Messages"/> say where.</summary>
    ParseError,

    /// <summary>The top module named is not in the sources.</summary>
    UnknownTop,

    /// <summary>Yosys stopped for another reason (a missing submodule, a library it cannot use).</summary>
    ToolError,

    /// <summary>A resource limit stopped the run; <see cref="ToolRunResult.Limit"/> says which (usually wall-clock time).</summary>
    Limit,
}

/// <summary>One Yosys message, located in the user's file when Yosys gave a location (else File is empty, Line 0).</summary>
internal sealed record SynthesisMessage(string File, int Line, string Message)
{
    public override string ToString() => File.Length > 0 ? $"{File}:{Line}: {Message}" : Message;
}

/// <summary>The failure, with a one-line summary meant for people and prompts alike.</summary>
internal sealed record SynthesisFailure(SynthesisFailureKind Kind, string Summary, IReadOnlyList<SynthesisMessage> Messages);

/// <summary>What synthesis made of the design.</summary>
/// <param name="CellsByType">Cells per type: Yosys gates (<c>$_AND_</c>, <c>$_DFF_P_</c>, …) for generic, library cells otherwise.</param>
/// <param name="LogicDepth">
/// Gates on the longest combinational path (between flip-flops and ports), counted on Yosys' generic
/// gate netlist after <c>synth</c>, before library mapping, so it is comparable across libraries.
/// </param>
/// <param name="AreaUm2">Total cell area in the library's area unit (µm² in osu018 and SKY130); null for generic.</param>
internal sealed record SynthesisStats(IReadOnlyDictionary<string, int> CellsByType, int CellCount, int LogicDepth, double? AreaUm2);

/// <summary>The outcome of one synthesis run: statistics and netlist, or a typed failure.</summary>
internal sealed record SynthesisReport(
    string Top,
    LibertyLibrary? Liberty,
    SynthesisStats? Stats,
    string? Netlist,
    SynthesisFailure? Failure,
    IReadOnlyList<SynthesisMessage> Warnings,
    ToolRunResult Run,
    string ToolVersion,
    bool FromCache)
{
    public bool Succeeded => Failure is null && Stats is not null;

    /// <summary>One line for logs and prompts.</summary>
    public string Summary() => Failure is { } failure
        ? $"synthesis of {Top} failed: {failure.Summary}"
        : $"{Top} on {Liberty?.Name ?? "generic gates"}: {Stats!.CellCount} cells, logic depth {Stats.LogicDepth}" +
          (Stats.AreaUm2 is { } area ? $", area {area:0.#} µm²" : "");
}
