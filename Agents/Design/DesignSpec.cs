using HwForge.Tools.Targets;

namespace HwForge.Agents.Design;

/// <summary>Who wrote the reference a design is verified against; the report says it plainly.</summary>
public enum ReferenceOrigin
{
    /// <summary>The user's own reference (a spec file's design or C++ model).</summary>
    User,

    /// <summary>The offline catalog's behavioural reference for the generator.</summary>
    Catalog,

    /// <summary>A reference the Architect (an LLM) wrote: to be reviewed, since a model wrote both sides.</summary>
    Architect,
}

/// <summary>
/// What is to be built and what it is checked against: the target, the top, its behaviour in words, and a
/// reference (a design of the same target, or a C++ golden model) every candidate must match.
/// </summary>
public sealed record DesignSpec
{
    /// <summary>The target's name (<c>rtl</c>); see <see cref="TargetRegistry"/>.</summary>
    public string Target { get; init; } = TargetRegistry.DefaultName;

    public required string Top { get; init; }

    public required string Description { get; init; }

    public required ReferenceOrigin ReferenceOrigin { get; init; }

    /// <summary>What every candidate is checked against (unless a candidate carries its own).</summary>
    public required DesignReference Reference { get; init; }

    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool? ResetActiveLow { get; init; }

    /// <summary>The clock and reset, as the target reads them.</summary>
    public DesignHints Hints => new() { Clock = Clock, Reset = Reset, ResetActiveLow = ResetActiveLow };

    /// <summary>For the catalog: the generator family and its parameters.</summary>
    public string? Family { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Parameters the user set explicitly; the optimizer keeps them as given.</summary>
    public IReadOnlyList<string> PinnedParameters { get; init; } = [];

    /// <summary>What was not in the request and was decided by default, in plain words.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
