using HwForge.Tools.Foundation;
namespace HwForge.Tools.Targets;

/// <summary>
/// A target's designs without an LLM (<see cref="ITarget.Catalog"/>): families of generated designs, each with a
/// reference in the target's own files, read from a request in words or named by a spec file. The offline strategy
/// searches a family's <see cref="ICatalogFamily.Dimensions"/> with the judge's reward; it knows nothing else of
/// the target, so a target with a catalog is served offline without a line elsewhere.
/// </summary>
public interface IOfflineCatalog
{
    /// <summary>What the catalog is called in messages: "HLS catalog" (the RTL one, the first, is plain "catalog").</summary>
    string Name { get; }

    /// <summary>Its families, for listings and for refusals that say what it holds.</summary>
    IReadOnlyList<ICatalogFamily> Families { get; }

    /// <summary>The family a request in words names and the values its words state, or the refusal in this catalog's words.</summary>
    CatalogRequest Read(string request);

    /// <summary>
    /// The request read as <paramref name="family"/> although its words do not name it (a reader by meaning chose
    /// it): the values the words state, or a refusal (a value the family cannot build, a request out of scope).
    /// </summary>
    CatalogRequest ReadAs(string family, string request);

    ICatalogFamily? Find(string family) =>
        Families.FirstOrDefault(f => string.Equals(f.Name, family.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The family names, comma-separated, as refusals list them.</summary>
    string FamilyList => string.Join(", ", Families.Select(f => f.Name));
}

/// <summary>
/// What a catalog made of a request: a family, the values the words stated (the search leaves them alone) and the
/// assumptions taken, or a refusal that says what the catalog holds and what to do instead.
/// </summary>
public sealed record CatalogRequest(ICatalogFamily? Family, IReadOnlyDictionary<string, string> Stated, IReadOnlyList<string> Assumptions, string? Refusal)
{
    /// <summary>
    /// The advice every refusal ends with, written once so the three catalogs cannot drift apart. It names no flag:
    /// the CLI adds its own (<see cref="LlmSetupAdvice"/>).
    /// </summary>
    public const string NeedsModel = "needs an LLM: " + LlmSetupAdvice.Where;

    public static CatalogRequest Found(ICatalogFamily family, IReadOnlyDictionary<string, string> stated, IReadOnlyList<string> assumptions) =>
        new(family, stated, assumptions, null);

    public static CatalogRequest Refused(string refusal) => new(null, new Dictionary<string, string>(), [], refusal);

    /// <summary>Refused only because the words name none of the families (not for a value, nor as out of scope).</summary>
    public bool NamesNoFamily { get; init; }
}
