using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>
/// Reads a request in plain words ("a 16-bit signed MAC with 2 pipeline stages") and picks a catalog
/// family and its parameters. What the words do not say takes the family's default, and each such choice
/// is stated in <see cref="CatalogMatch.Assumptions"/>. A request outside the catalog gets a plain refusal.
/// </summary>
internal static partial class RequestMatcher
{
    /// <summary>What to tell a user whose request needs a language model.</summary>
    public const string NeedsModel = CatalogRequest.NeedsModel;

    public static CatalogMatch Match(string request)
    {
        var text = Normalize(request);
        if (OutOfScope(text) is { } why) return Refuse(request, why);
        var family = FamilyOf(text);
        if (family is null)
            return Refuse(request, $"it is not one of the catalog's kernels ({string.Join(", ", KernelCatalog.All.Select(g => g.Family))})") with { NamesNoFamily = true };
        return MatchFamily(request, text, family);
    }

    /// <summary>
    /// The request read as <paramref name="family"/>, which its words do not name (a reader by meaning chose it): its
    /// values as the words state them. A request outside the catalog's scope (floating point, a CPU) is still refused.
    /// </summary>
    public static CatalogMatch MatchAs(string family, string request)
    {
        var text = Normalize(request);
        if (OutOfScope(text) is { } why) return Refuse(request, why);
        return KernelCatalog.Find(family) is null ? Refuse(request, $"the catalog has no family '{family}'") : MatchFamily(request, text, family);
    }

    private static CatalogMatch MatchFamily(string request, string text, string family)
    {
        var generator = KernelCatalog.Find(family)!;
        var given = RequestReader.Read(family, text);
        var assumptions = new List<string>();
        foreach (var spec in generator.Parameters.Where(s => !given.ContainsKey(s.Name)))
            assumptions.Add(spec.Role == ParameterRole.Function
                ? $"{(spec.Name == "signed" ? "signedness" : spec.Name)} not given: {DescribeDefault(family, spec)} (default)"
                : $"{spec.Name} not given: {spec.Default} (default; the optimizer may try {string.Join(", ", spec.SearchDomain)})");
        var parameters = KernelParameters.Resolve(generator, new KernelParameters(given));
        try
        {
            generator.Generate(parameters); // the one place values are checked; a match must be buildable
        }
        catch (CatalogParameterException invalid)
        {
            return new CatalogMatch(generator, null, assumptions, invalid.Message);
        }
        return new CatalogMatch(generator, parameters, assumptions, null) { Given = [.. given.Keys] };
    }

    private static CatalogMatch Refuse(string request, string why) =>
        new(null, null, [], $"\"{request.Trim()}\" is outside the offline catalog: {why}. Designing it {NeedsModel}.");

    private static string DescribeDefault(string family, ParameterSpec spec) => (family, spec.Name) switch
    {
        (_, "width") => $"{spec.Default} bits",
        ("fir", "coefficients") => "a fixed symmetric set, 1,2,..,2,1 (triangular)",
        (_, "signed") => spec.Default == "true" ? "signed" : "unsigned",
        _ => spec.Default,
    };

    /// <summary>The family a request names, most specific words first (a "MAC" has a multiplier in it, not the other way round).</summary>
    internal static string? FamilyOf(string text)
    {
        foreach (var (family, pattern) in FamilyWords)
            if (Regex.IsMatch(text, pattern)) return family;
        return null;
    }

    private static readonly (string Family, string Pattern)[] FamilyWords =
    [
        ("gemm_tile", @"\b(systolic|gemm|mat[- ]?mul|matrix[- ]multipl\w*|matrix[- ]multiply|matrix[- ]products?|tensor[- ]cores?)"),
        ("dot_product", @"\b(dot[- ]?products?|inner[- ]products?|scalar[- ]products?)\b"),
        ("mac", @"\b(macs?|multiply[- ](and[- ])?accumulat\w*|multiplier[- ]accumulator|multiply[- ](and[- ])?add|accumulating multiplier)\b"),
        ("fir", @"\b(fir|filter|taps?|finite[- ]impulse[- ]response)\b"),
        ("fifo", @"\b(fifo|queue|first[- ]in,?[- ]first[- ]out|circular[- ]buffer|ring[- ]buffer)\b"),
        ("fsm", @"\b(sequence[- ](detector|recogni[sz]er)|detects?|detecting|detector|pattern|fsm|state[- ]machine)\b"),
        ("counter", @"\b(counter|mod[- ]?\d+|modulo[- ]?\d+|divide[- ]by[- ]\d+|(clock|frequency)[- ]divider)\b"),
        ("multiplier", @"\b(multiplier|multiply|multiplication|booth|wallace|dadda|product)\b"),
        ("adder", @"\b(adder|addition|add|kogge[- ]?stone|brent[- ]?kung|ripple[- ]carry|carry[- ]look[- ]?ahead|cla|sum)\b"),
    ];

    private static string? OutOfScope(string text)
    {
        if (Regex.IsMatch(text, @"\b(floating[- ]point|float\d*|fp(16|32|64)|bfloat16|bf16|ieee[- ]?754)\b"))
            return "the catalog's arithmetic is integer only";
        if (Regex.IsMatch(text, @"\b(risc[- ]?v|cpu|processor|microcontroller|aes|sha-?\d*|uart|ethernet|pcie|usb|dram|ddr|cache|gpu)\b"))
            return "it is a system, not one of the catalog's kernels";
        return null;
    }

    /// <summary>Lower case, number words as digits ("eight-bit" becomes "8-bit").</summary>
    internal static string Normalize(string request)
    {
        var text = request.ToLowerInvariant().Replace('\u2011', '-').Replace('\u2013', '-').Replace('×', 'x');
        foreach (var (word, value) in NumberWords)
            text = Regex.Replace(text, $@"\b{word}\b(?![- ]?hot)", value.ToString());
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    // Longest first, so "thirty-two" is read before "two".
    private static readonly (string Word, int Value)[] NumberWords =
    [
        ("sixty[- ]four", 64), ("forty[- ]eight", 48), ("thirty[- ]two", 32), ("twenty[- ]four", 24),
        ("sixteen", 16), ("twelve", 12), ("eleven", 11), ("ten", 10), ("nine", 9), ("eight", 8), ("seven", 7),
        ("six", 6), ("five", 5), ("four", 4), ("three", 3), ("two", 2), ("one", 1), ("twenty", 20), ("fifteen", 15),
        ("fourteen", 14), ("thirteen", 13), ("thirty", 30), ("sixty", 60),
    ];
}
