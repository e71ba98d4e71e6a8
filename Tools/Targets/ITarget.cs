using HwForge.Tools.Programs;
using HwForge.Tools.Reward;

namespace HwForge.Tools.Targets;

/// <summary>
/// A kind of design HwForge builds (RTL now; HLS C++ and CUDA next): everything that depends on the language
/// lives behind this, so the supervisor, roles, run folder, reports, batch, web UI and CLI carry artifacts and
/// verdicts without knowing what is inside. Adding a target is one folder, one line in
/// <see cref="TargetRegistry"/>, its examples and its conformance tests.
/// </summary>
public interface ITarget
{
    /// <summary>The name specs, jobs files and flags use ("rtl").</summary>
    string Name { get; }

    /// <summary>A few words for people, shown by <c>hwforge targets</c>.</summary>
    string Title { get; }

    /// <summary>The files it reads; the first is the kind a generated design is written in.</summary>
    IReadOnlyList<FileKind> FileKinds { get; }

    /// <summary>The external programs it runs (each in the sandbox).</summary>
    IReadOnlyList<ToolDescriptor> Tools { get; }

    /// <summary>What its designs are optimised for; the reward and the frontier compare these.</summary>
    IReadOnlyList<Objective> Objectives { get; }

    /// <summary>Its own options, with their defaults; a run's options are checked against these.</summary>
    IReadOnlyList<TargetOption> Options { get; }

    ITargetPrompts Prompts { get; }

    /// <summary>
    /// What it designs without an LLM; null when it has no offline catalog (an offline run of it is refused, naming
    /// it). The offline strategy and the CLI's early refusal both read this, so they cannot disagree.
    /// </summary>
    IOfflineCatalog? Catalog { get; }

    /// <summary>Takes the design out of a model's answer, or says what was missing.</summary>
    AnswerDesign ReadAnswer(string answer, string top);

    /// <summary>The top a design declares (its first module or entry), when the target can tell without its tools.</summary>
    string? TopOf(DesignArtifact design);

    /// <summary>A quick check a model may call on a draft while it works (lint for RTL); null when the target has none.</summary>
    DraftCheck? DraftCheck { get; }

    /// <summary>
    /// Why a spec's reference cannot be judged against (it does not build, or lacks a port the spec names), in words
    /// for the spec's author; null when it can. Checked once per spec, so a bad one is refused before any candidate.
    /// </summary>
    Task<string?> CheckReferenceAsync(DesignReference reference, DesignHints hints, CancellationToken cancellation) => Task.FromResult<string?>(null);

    /// <summary>Judges a candidate against the reference: the verdict, its assurance and the first difference.</summary>
    Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation);

    /// <summary>Measures a design on the target's objectives (for RTL: synthesis, timing and power).</summary>
    Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation);

    /// <summary>
    /// Measures a design that was judged against <paramref name="reference"/>. A target whose figures depend on the
    /// problem the reference poses reads it there (CUDA: the problem's flops and bytes, which an LLM's kernel does not
    /// carry); by default the reference changes nothing.
    /// </summary>
    Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
        MeasureAsync(design, hints, job, cancellation);

    /// <summary>The few lines a repair prompt needs from a failed verdict; empty when it passed.</summary>
    string Feedback(TargetVerdict verdict, DesignArtifact design);
}

/// <summary>The design found in a model's answer, or why none could be used.</summary>
public sealed record AnswerDesign(DesignArtifact? Design, string? Problem)
{
    public static AnswerDesign Found(DesignArtifact design) => new(design, null);

    public static AnswerDesign Missing(string problem) => new(null, problem);
}

/// <summary>
/// A tool a model may call on a draft: its name and description as the model sees them, and the check, which runs
/// the target's tools in the sandbox like every other run. It helps a model; it never decides a verdict.
/// </summary>
public sealed record DraftCheck(string Name, string Description, Func<string, CancellationToken, Task<string>> RunAsync);
