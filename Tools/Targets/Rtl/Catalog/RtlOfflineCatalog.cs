namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>
/// <see cref="KernelCatalog"/> as the RTL target's offline catalog: a request is read by <see cref="RequestMatcher"/>
/// (widths, signedness, stages in words), and a generator's architecture parameters are the search's dimensions.
/// </summary>
internal sealed class RtlOfflineCatalog : IOfflineCatalog
{
    public static IOfflineCatalog Instance { get; } = new RtlOfflineCatalog();

    private readonly IReadOnlyList<ICatalogFamily> _families = [.. KernelCatalog.All.Select(g => new GeneratorFamily(g))];

    // The first catalog, and the one a request without a target reaches: its messages say plain "catalog".
    public string Name => "catalog";

    public IReadOnlyList<ICatalogFamily> Families => _families;

    // What each family does, said without its names, so that a request in other words can be read by meaning.
    private static readonly Dictionary<string, string[]> PlainWords = new()
    {
        ["adder"] = ["adds two binary numbers and gives their sum", "computes the total of two integers"],
        ["multiplier"] = ["multiplies two binary numbers and gives their product", "computes a times b for two integers"],
        ["mac"] = ["multiplies pairs of numbers and adds each product to a running total", "accumulates products over many clock cycles"],
        ["dot_product"] = ["multiplies two vectors element by element and sums the products into one number"],
        ["fir"] = ["filters a stream of samples: a weighted sum of the last few inputs with fixed weights", "smooths or convolves a digital signal with constant coefficients"],
        ["fifo"] = ["a buffer that stores values and gives them back in the order they arrived, the oldest leaving first", "a queue between a producer and a consumer, with full and empty flags"],
        ["counter"] = ["counts clock cycles or events up to a limit and wraps around to zero", "keeps a tally, or divides a clock by a fixed number"],
        ["fsm"] = ["watches a serial stream of bits and signals when a given bit pattern has arrived", "a state machine that recognises a sequence of inputs"],
        ["gemm_tile"] = ["multiplies two matrices with a grid of multiply-accumulate cells", "a matrix multiplication accelerator tile for neural network layers"],
    };

    public CatalogRequest Read(string request) => Found(RequestMatcher.Match(request));

    public CatalogRequest ReadAs(string family, string request) => Found(RequestMatcher.MatchAs(family, request));

    private CatalogRequest Found(CatalogMatch match)
    {
        if (!match.Matched)
            return CatalogRequest.Refused(match.Refusal ?? $"designing it {CatalogRequest.NeedsModel}") with { NamesNoFamily = match.NamesNoFamily };
        var family = _families.First(f => f.Name == match.Generator!.Family);
        return CatalogRequest.Found(family, match.Given.ToDictionary(name => name, match.Parameters!.Text), match.Assumptions);
    }

    private sealed class GeneratorFamily(IKernelGenerator generator) : ICatalogFamily
    {
        public string Name => generator.Family;

        public string Summary => generator.Summary;

        public IReadOnlyList<string> Meanings => PlainWords.GetValueOrDefault(generator.Family, []);

        public IReadOnlyList<CatalogDimension> Dimensions { get; } = [.. generator.Parameters
            .Where(p => p.Role == ParameterRole.Architecture && p.SearchDomain.Count > 0)
            .Select(p => new CatalogDimension(p.Name, p.SearchDomain, p.Kind == ParameterKind.Integer))];

        public CatalogChoice Resolve(IReadOnlyDictionary<string, string> given)
        {
            var values = KernelParameters.Resolve(generator, new KernelParameters(given));
            var defaults = generator.Parameters.Where(p => !given.ContainsKey(p.Name) && p.Role == ParameterRole.Function)
                .Select(p => $"{p.Name} not given: {p.Default} (default)").ToList();
            return new CatalogChoice(values.Values, defaults);
        }

        public CatalogDesign Generate(IReadOnlyDictionary<string, string> values)
        {
            var design = generator.Generate(new KernelParameters(values));
            var architecture = Dimensions.Select(d => $"{d.Name}={design.Parameters.Text(d.Name)}");
            return new CatalogDesign(design.Top, design.Description,
                DesignArtifact.Single(KernelCatalog.Target, design.Top, design.DesignSource.FileName, design.DesignSource.Text),
                // The catalog's designs come with a behavioural reference of their own target.
                DesignReference.Of(DesignArtifact.Single(KernelCatalog.Target, design.ReferenceTop, design.ReferenceSource.FileName, design.ReferenceSource.Text)),
                design.Parameters.Values,
                $"{generator.Family} with {string.Join(", ", architecture)} (latency {design.LatencyCycles} cycle(s))");
        }
    }
}
