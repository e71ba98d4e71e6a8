using HwForge.Tools.Sources;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Design;

/// <summary>
/// What a spec file says, with the files it names read in. Three shapes are accepted: a catalog kernel
/// (<c>family</c> + <c>parameters</c>), a design problem with the user's own reference (<c>top</c>,
/// <c>description</c>, <c>reference</c> or <c>reference_model</c>), or just a <c>request</c> in plain words.
/// </summary>
public sealed record SpecInput
{
    public string? Request { get; init; }

    public string? Family { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public string? Top { get; init; }

    public string? Description { get; init; }

    public string? ReferenceTop { get; init; }

    public string? ReferenceVerilog { get; init; }

    public string? ReferenceModel { get; init; }

    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool? ResetActiveLow { get; init; }

    /// <summary>True when the user supplied the reference: then no Architect is needed.</summary>
    public bool HasUserReference => ReferenceVerilog is not null || ReferenceModel is not null;

    /// <summary>The spec this input fixes completely, when it carries a user reference.</summary>
    public DesignSpec ToUserSpec() => new()
    {
        Top = Top ?? throw new ArgumentException("the spec file names a reference but no 'top' module"),
        Description = Description ?? Request ?? $"the module {Top}",
        ReferenceOrigin = ReferenceOrigin.User,
        Reference = ReferenceVerilog is { } verilog
            ? DesignReference.Of(DesignArtifact.Single(TargetRegistry.DefaultName, ReferenceTop ?? Top, "reference.v", verilog))
            : DesignReference.Of(new GoldenModel(SourceLoader.FromText("model.cpp", ReferenceModel!))),
        Clock = Clock,
        Reset = Reset,
        ResetActiveLow = ResetActiveLow,
    };
}
