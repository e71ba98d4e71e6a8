using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets;

/// <summary>
/// What a candidate must match: another design of the same target (an RTL reference, a reference kernel), or a
/// golden model written in C++ that the target knows how to call. Exactly one of the two is set.
/// </summary>
public sealed record DesignReference
{
    public DesignArtifact? Design { get; init; }

    public GoldenModel? Model { get; init; }

    public static DesignReference Of(DesignArtifact design) => new() { Design = design };

    public static DesignReference Of(GoldenModel model) => new() { Model = model };

    /// <summary>The reference's top (its module or function), or the model's entry point.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Top => Design?.Top ?? Model?.Entry ?? "";
}

/// <summary>A golden model: a C++ source and, when it matters to the target, the function to call.</summary>
public sealed record GoldenModel(SourceFile Source, string? Entry = null);
