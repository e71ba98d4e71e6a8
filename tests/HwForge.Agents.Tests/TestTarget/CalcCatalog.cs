using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.TestTarget;

/// <summary>
/// The calc target's offline catalog: one family, (x + 1) squared, whose one dimension is how the expression is
/// written. Three forms are right and differ in length (what the target measures); one is wrong, so a search over
/// it meets a failing variant that must be reported and never counted.
/// </summary>
internal sealed class CalcCatalog : IOfflineCatalog
{
    public string Name => "calc catalog";

    public IReadOnlyList<ICatalogFamily> Families { get; } = [new SquarePlus()];

    public CatalogRequest Read(string request) => request.Contains("square", StringComparison.OrdinalIgnoreCase)
        ? CatalogRequest.Found(Families[0], new Dictionary<string, string>(), ["square_plus: (x + 1) squared, its forms are searched"])
        : CatalogRequest.Refused($"the offline calc catalog holds {((IOfflineCatalog)this).FamilyList} only; '{request}' is none of them");

    public CatalogRequest ReadAs(string family, string request) => family == Families[0].Name
        ? CatalogRequest.Found(Families[0], new Dictionary<string, string>(), ["square_plus: read by meaning"])
        : CatalogRequest.Refused($"the offline calc catalog has no family '{family}'");

    private sealed class SquarePlus : ICatalogFamily
    {
        private static readonly Dictionary<string, string> Forms = new()
        {
            ["spaced"] = "x * x + 2 * x + 1",
            ["factored"] = "(x+1)*(x+1)",
            ["compact"] = "x*x+2*x+1",
            ["wrong"] = "x*x+2*x+2",
        };

        public string Name => "square_plus";

        public string Summary => "(x + 1) squared";

        public IReadOnlyList<CatalogDimension> Dimensions { get; } = [CatalogDimension.Of("form", [.. Forms.Keys])];

        public CatalogChoice Resolve(IReadOnlyDictionary<string, string> given) =>
            new(new Dictionary<string, string> { ["form"] = Form(given) }, given.ContainsKey("form") ? [] : ["form not given: spaced (default)"]);

        public CatalogDesign Generate(IReadOnlyDictionary<string, string> values)
        {
            var form = Form(values);
            return new CatalogDesign("square_plus", Summary, DesignArtifact.Single(CalcTarget.TargetName, "square_plus", "design.calc", Forms[form]),
                DesignReference.Of(DesignArtifact.Single(CalcTarget.TargetName, "square_plus", "reference.calc", "(x + 1) * (x + 1)")),
                new Dictionary<string, string> { ["form"] = form }, $"square_plus written {form}");
        }

        private static string Form(IReadOnlyDictionary<string, string> values) =>
            values.TryGetValue("form", out var form) ? Forms.ContainsKey(form) ? form
                : throw new ArgumentException($"square_plus: form={form} is not one; form is one of {string.Join(", ", Forms.Keys)}")
            : "spaced";
    }
}
