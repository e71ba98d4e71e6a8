namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// <see cref="HlsCatalog"/> as the HLS target's offline catalog: a family's searched choices (its pragmas) are the
/// search's dimensions; its function parameters (width, length) come from the spec or the request's words, else
/// their defaults, and every variant shares them.
/// </summary>
internal static class HlsOfflineCatalog
{
    public static IOfflineCatalog Instance { get; } = new KeywordCatalog("HLS catalog", [.. HlsCatalog.All.Select(Family)], request => HlsCatalog.Match(request)?.Family);

    private static KeywordFamily Family(IHlsKernelFamily family) => new(family.Family, family.Summary,
        [.. family.Choices.Where(c => c.Searched).Select(c => CatalogDimension.Of(c.Name, c.Values))],
        values => Design(family.Generate(values)),
        family.ParametersIn,
        stated => $"{family.Family}: {family.Generate(stated).Description} (the catalog's function"
            + (stated.Count > 0 ? $", {string.Join(", ", stated.Select(p => $"{p.Key} {p.Value}"))} from the request" : "")
            + "; its pragmas are searched)");

    // Each variant carries the family's RTL, so it is C-simulated, co-simulated against that RTL and measured on it.
    private static CatalogDesign Design(HlsKernel kernel) => new(kernel.Top, kernel.Description, kernel.Design, kernel.ReferenceDesign, kernel.Choices,
        $"{kernel.Id}: {string.Join(", ", kernel.Choices.Select(c => $"{c.Key}={c.Value}"))}");
}
