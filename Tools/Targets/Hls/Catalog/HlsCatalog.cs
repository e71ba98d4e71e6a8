namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// The HLS kernels HwForge can write without a model: each family's pragma choices are its search space, and each
/// comes with its plain reference and its RTL, so an offline HLS run ends with a C-simulated kernel, co-simulated
/// RTL and the RTL's real PPA.
/// </summary>
public static class HlsCatalog
{
    public static IReadOnlyList<IHlsKernelFamily> All { get; } = [new FirKernels(), new GemmTileKernels(), new SoftmaxKernels(), new DotKernels(), new MacKernels()];

    public static IHlsKernelFamily? Find(string family) =>
        All.FirstOrDefault(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase));

    /// <summary>The family a request names by one of its keywords, or null (the message of the caller names the families).</summary>
    public static IHlsKernelFamily? Match(string request)
    {
        var text = request.ToLowerInvariant();
        return All.FirstOrDefault(f => f.Keywords.Any(k => System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(k)}\b")));
    }

    /// <summary>
    /// Every pragma variant of a family, the default first, with its function parameters (width, length) as
    /// <paramref name="parameters"/> gives them, else at their defaults.
    /// </summary>
    public static IEnumerable<HlsKernel> Variants(IHlsKernelFamily family, IReadOnlyDictionary<string, string>? parameters = null) =>
        HlsChoices.Space(family, parameters).Select(family.Generate);
}
