using System.Text.Json.Serialization;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Design;

/// <summary>
/// What a spec file says, with the files it names read in. Three shapes are accepted: a catalog kernel
/// (<c>family</c> + <c>parameters</c>), a design problem with the user's own reference (<c>top</c>,
/// <c>description</c>, <c>reference</c>), or just a <c>request</c> in plain words. Each names its target
/// (<c>rtl</c> unless it says otherwise).
/// </summary>
public sealed record SpecInput
{
    /// <summary>What the user calls this design problem; it names the run folder.</summary>
    public string? Name { get; init; }

    /// <summary>The design target, one of the known ones (today <c>rtl</c>).</summary>
    public string Target { get; init; } = TargetRegistry.DefaultName;

    public string? Request { get; init; }

    public string? Family { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public string? Top { get; init; }

    public string? Description { get; init; }

    public string? ReferenceTop { get; init; }

    /// <summary>The reference's source files, in the order the spec file lists them.</summary>
    public IReadOnlyList<SourceFile>? ReferenceFiles { get; init; }

    /// <summary>
    /// The reference as one source text, its files one after another, as the judge takes a reference today;
    /// setting it makes a one-file reference.
    /// </summary>
    [JsonIgnore]
    public string? ReferenceText
    {
        get => ReferenceFiles switch
        {
            null or [] => null,
            [var one] => one.Text,
            var files => string.Concat(files.Select(f => f.Text.EndsWith('\n') ? f.Text : f.Text + "\n")),
        };
        init => ReferenceFiles = value is null ? null : [SourceLoader.FromText("reference.v", value)];
    }

    public string? ReferenceModel { get; init; }

    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool? ResetActiveLow { get; init; }

    /// <summary>True when the user supplied the reference: then no Architect is needed.</summary>
    public bool HasUserReference => ReferenceText is not null || ReferenceModel is not null;

    // The run.json of a run started before references were lists (all RTL then) holds one text under the RTL
    // target's old key; resuming it keeps its reference.
    [JsonInclude, JsonPropertyName(Tools.Targets.Rtl.RtlWords.SavedReferenceKey), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private string? SavedReferenceText
    {
        get => null;
        init { if (value is not null) ReferenceText = value; }
    }

    /// <summary>The spec this input fixes completely, when it carries a user reference.</summary>
    public DesignSpec ToUserSpec() => new()
    {
        Top = Top ?? throw new HwForgeException(ProblemKind.InvalidInput, "the spec file names a reference but no 'top' module"),
        Description = Description ?? Request ?? $"the module {Top}",
        ReferenceOrigin = ReferenceOrigin.User,
        Target = Target,
        Reference = ReferenceFiles is [_, ..] files
            ? DesignReference.Of(new DesignArtifact(Target, ReferenceTop ?? Top, files))
            : DesignReference.Of(new GoldenModel(SourceLoader.FromText("model.cpp", ReferenceModel!))),
        Clock = Clock,
        Reset = Reset,
        ResetActiveLow = ResetActiveLow,
    };
}
