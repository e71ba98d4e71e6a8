using HwForge.Tools.Foundation;
namespace HwForge.Tools.Targets;

/// <summary>
/// A catalog whose families a request names by a keyword ("softmax", "fir filter"), as the HLS and CUDA catalogs are
/// read: the family its own matcher finds, and the values the request's words state where the family reads any.
/// </summary>
/// <param name="familyOf">The catalog's own keyword matcher (HlsCatalog.Match, CudaCatalog.Match): the name of the family a request names, or null.</param>
internal sealed class KeywordCatalog(string name, IReadOnlyList<KeywordFamily> families, Func<string, string?> familyOf) : IOfflineCatalog
{
    public string Name => name;

    public IReadOnlyList<ICatalogFamily> Families => families;

    public CatalogRequest Read(string request)
    {
        var family = familyOf(request) is { } named ? families.FirstOrDefault(f => f.Name == named) : null;
        if (family is null)
            return CatalogRequest.Refused($"the offline {name} holds {((IOfflineCatalog)this).FamilyList}; '{request}' names none of them, so designing it {CatalogRequest.NeedsModel}") with { NamesNoFamily = true };
        return Stated(family, request);
    }

    public CatalogRequest ReadAs(string family, string request) =>
        families.FirstOrDefault(f => f.Name == family) is { } named ? Stated(named, request)
        : CatalogRequest.Refused($"the offline {name} has no family '{family}'");

    private static CatalogRequest Stated(KeywordFamily family, string request)
    {
        IReadOnlyDictionary<string, string> stated;
        try { stated = family.Stated(request); }
        catch (Exception e) when (e is ArgumentException or HwForgeException { Kind: ProblemKind.InvalidInput }) { return CatalogRequest.Refused(e.Message); }
        return CatalogRequest.Found(family, stated, [family.Matched(stated), .. family.Notes]);
    }
}

/// <summary>
/// A keyword-read family, from its target's own family type: <paramref name="generate"/> resolves and checks the
/// values (a family type's Generate already does), so <see cref="Resolve"/> is a generation that keeps the values.
/// </summary>
/// <param name="stated">The values a request's words state ("16-bit"); none when the family reads none.</param>
/// <param name="matched">The assumption that says what a request matched, from the values stated.</param>
/// <param name="notes">Assumptions every design of the family carries (for CUDA: not timed).</param>
internal sealed class KeywordFamily(string name, string summary, IReadOnlyList<CatalogDimension> dimensions,
    Func<IReadOnlyDictionary<string, string>, CatalogDesign> generate, Func<string, IReadOnlyDictionary<string, string>>? stated,
    Func<IReadOnlyDictionary<string, string>, string> matched, IReadOnlyList<string>? notes = null) : ICatalogFamily
{
    public string Name => name;

    public string Summary => summary;

    public IReadOnlyList<CatalogDimension> Dimensions => dimensions;

    public IReadOnlyList<string> Notes => notes ?? [];

    public IReadOnlyDictionary<string, string> Stated(string request) => stated?.Invoke(request) ?? new Dictionary<string, string>();

    public string Matched(IReadOnlyDictionary<string, string> values) => matched(values);

    public CatalogChoice Resolve(IReadOnlyDictionary<string, string> given) => new(generate(given).Values, Notes);

    public CatalogDesign Generate(IReadOnlyDictionary<string, string> values) => generate(values);
}
