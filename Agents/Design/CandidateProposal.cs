using System.Text.Json.Serialization;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Design;

/// <summary>
/// A design put forward for judging: its artifact (files, top, target), where it came from and why. A catalog
/// variant carries its own reference (same function, its own latency); every other candidate is checked against
/// the spec's.
/// </summary>
public sealed record CandidateProposal
{
    public required string Id { get; init; }

    /// <summary>"coder", "repair", "optimizer", "search" or "catalog".</summary>
    public required string Origin { get; init; }

    /// <summary>The design; it has no files when the author's answer held none (<see cref="Notes"/> says what was missing).</summary>
    public required DesignArtifact Design { get; init; }

    [JsonIgnore]
    public string Top => Design.Top;

    public string? ParentId { get; init; }

    /// <summary>What the author says it changed or tried, in a sentence or two.</summary>
    public string? Notes { get; init; }

    /// <summary>The candidate's own reference, when it has one (a catalog variant); otherwise the spec's is used.</summary>
    public DesignReference? Reference { get; init; }

    /// <summary>A catalog variant's parameters (architecture, pipeline stages...).</summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>The text of the design's main file, or empty when the answer held no design.</summary>
    [JsonIgnore]
    public string MainText => Design.Files.Count > 0 ? Design.Main.Text : "";
}
