namespace HwForge.Agents.Design;

/// <summary>Who wrote the reference a design is verified against; the report says it plainly.</summary>
public enum ReferenceOrigin
{
    /// <summary>The user's own reference (a spec file's Verilog or C++ model).</summary>
    User,

    /// <summary>The offline catalog's behavioural reference for the generator.</summary>
    Catalog,

    /// <summary>A reference the Architect (an LLM) wrote: to be reviewed, since a model wrote both sides.</summary>
    Architect,
}

/// <summary>
/// What is to be built and what it is checked against: the top module, its behaviour in words, and a
/// reference (Verilog, or a C++ golden model) every candidate must match cycle for cycle.
/// </summary>
public sealed record DesignSpec
{
    public required string Top { get; init; }

    public required string Description { get; init; }

    public required ReferenceOrigin ReferenceOrigin { get; init; }

    public string ReferenceTop { get; init; } = "";

    /// <summary>The reference as Verilog; null when <see cref="ReferenceModel"/> is used.</summary>
    public string? ReferenceVerilog { get; init; }

    /// <summary>A C++ golden model (see <c>hwforge model-header</c>) instead of a Verilog reference.</summary>
    public string? ReferenceModel { get; init; }

    public string? Clock { get; init; }

    public string? Reset { get; init; }

    public bool? ResetActiveLow { get; init; }

    /// <summary>For the catalog: the generator family and its parameters.</summary>
    public string? Family { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>Parameters the user set explicitly; the optimizer keeps them as given.</summary>
    public IReadOnlyList<string> PinnedParameters { get; init; } = [];

    /// <summary>What was not in the request and was decided by default, in plain words.</summary>
    public IReadOnlyList<string> Assumptions { get; init; } = [];
}
