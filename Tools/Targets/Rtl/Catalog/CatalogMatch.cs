namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>
/// What the catalog made of a request: a generator and its parameters with the assumptions taken
/// ("width not given: 16 bits (default)"), or a plain refusal when the request is outside the catalog.
/// </summary>
internal sealed record CatalogMatch(IKernelGenerator? Generator, KernelParameters? Parameters, IReadOnlyList<string> Assumptions, string? Refusal)
{
    public bool Matched => Generator is not null && Parameters is not null;

    /// <summary>Refused because the words name no family (not for a value or a scope): a reader by meaning may try.</summary>
    public bool NamesNoFamily { get; init; }

    /// <summary>The parameters the request itself set ("with 2 pipeline stages"); the optimizer leaves them alone.</summary>
    public IReadOnlyList<string> Given { get; init; } = [];

    /// <summary>The design for the match; throws when there is none.</summary>
    public GeneratedDesign Generate() =>
        Matched ? Generator!.Generate(Parameters!) : throw new InvalidOperationException(Refusal ?? "no catalog match");
}
