namespace HwForge.Tools.Targets;

/// <summary>
/// One family of an <see cref="IOfflineCatalog"/>: its values by name (what the design computes, fixed by the request,
/// and how it computes it, the <see cref="Dimensions"/> a search may change) and the design for a choice of them.
/// A value a family cannot build throws an <see cref="ArgumentException"/> naming it and what is allowed, as the
/// generators always have; the offline strategy turns that into the user's error, or skips the point in a search.
/// </summary>
public interface ICatalogFamily
{
    string Name { get; }

    /// <summary>One line for users and docs.</summary>
    string Summary { get; }

    /// <summary>
    /// What the family does in a user's plain words, without its trade names ("gives values back in the order they
    /// arrived"), for a reader by meaning; none means <see cref="Summary"/> alone is compared.
    /// </summary>
    IReadOnlyList<string> Meanings => [];

    /// <summary>What a search may change (architecture, pragmas, kernel variants), each over its finite values; the rest is fixed by the request.</summary>
    IReadOnlyList<CatalogDimension> Dimensions { get; }

    /// <summary>Every value: the given ones checked, defaults for the rest, with the defaults a user should be told of.</summary>
    CatalogChoice Resolve(IReadOnlyDictionary<string, string> given);

    /// <summary>The design and its reference for these values (defaults for any not given).</summary>
    CatalogDesign Generate(IReadOnlyDictionary<string, string> values);
}

/// <summary>A value a search may change, over its values; <see cref="Ordered"/> when neighbours are the better guess (pipeline stages, tile sizes).</summary>
public sealed record CatalogDimension(string Name, IReadOnlyList<string> Values, bool Ordered)
{
    /// <summary>Ordered when every value is a whole number.</summary>
    public static CatalogDimension Of(string name, IReadOnlyList<string> values) => new(name, values, values.All(v => int.TryParse(v, out _)));
}

/// <summary>A family's values, resolved, and the assumptions taken ("width not given: 16 (default)").</summary>
public sealed record CatalogChoice(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Assumptions);

/// <summary>
/// A generated design as the target judges it: the design and its reference (both artifacts of the target), its
/// top and description for the spec, its values as a report shows them, and a line saying which variant it is.
/// </summary>
public sealed record CatalogDesign(string Top, string Description, DesignArtifact Design, DesignReference Reference,
    IReadOnlyDictionary<string, string> Values, string Notes);
