using HwForge.Tools.Foundation;
namespace HwForge.Tools.Targets.Hls.Catalog;

/// <summary>
/// One generated HLS kernel: the Vitis-style C++ for one choice of pragmas, the plain C++ reference it must match,
/// and its RTL implementation behind the ap_ctrl_hs interface (docs/HLS.md), which co-simulation ties to the C++.
/// </summary>
public sealed record HlsKernel(string Family, string Top, string Description, IReadOnlyDictionary<string, string> Choices,
    string Kernel, string Reference, string ReferenceTop, string Rtl)
{
    /// <summary>A stable id for reports: <c>fir(pipeline=on,partition=complete)</c>.</summary>
    public string Id => $"{Family}({string.Join(",", Choices.Select(c => $"{c.Key}={c.Value}"))})";

    /// <summary>The design as the HLS target reads it: the kernel, then its RTL.</summary>
    public DesignArtifact Design => new(HlsTarget.TargetName, Top,
        [Foundation.Sources.SourceLoader.FromText("kernel.cpp", Kernel), Foundation.Sources.SourceLoader.FromText($"{Top}.v", Rtl)]);

    public DesignReference ReferenceDesign => DesignReference.Of(DesignArtifact.Single(HlsTarget.TargetName, ReferenceTop, "reference.cpp", Reference));
}

/// <summary>
/// A choice of a family: its name, its values, the first the default. A pragma choice is searched; a parameter of
/// the function (a width, a length) is not (<see cref="Searched"/> false): it changes what the kernel computes, so
/// it is taken from the spec or the request, or left at its default, and every searched variant shares it.
/// </summary>
public sealed record HlsChoice(string Name, string Description, IReadOnlyList<string> Values)
{
    public bool Searched { get; init; } = true;
}

/// <summary>
/// A family of HLS kernels whose pragma choices (pipeline, unroll factor, array partition) are the search space;
/// every choice computes the same function, so each variant is checked against the one reference, and all share
/// the family's RTL.
/// </summary>
public interface IHlsKernelFamily
{
    string Family { get; }

    string Summary { get; }

    /// <summary>Words a request uses for this family ("fir", "filter").</summary>
    IReadOnlyList<string> Keywords { get; }

    IReadOnlyList<HlsChoice> Choices { get; }

    /// <summary>The kernel for these choices; a choice not given takes its default (its first value).</summary>
    HlsKernel Generate(IReadOnlyDictionary<string, string> choices);

    /// <summary>The function parameters a request states in words ("16-bit", "of length 8"); none by default.</summary>
    IReadOnlyDictionary<string, string> ParametersIn(string request) => new Dictionary<string, string>();
}

/// <summary>Reading a family's choices: the value given, or the default, refused when not one of the values.</summary>
internal static class HlsChoices
{
    public static string Value(IHlsKernelFamily family, IReadOnlyDictionary<string, string> given, string name)
    {
        var choice = family.Choices.First(c => c.Name == name);
        if (!given.TryGetValue(name, out var value)) return choice.Values[0];
        return choice.Values.Contains(value)
            ? value
            : throw new HwForgeException(ProblemKind.InvalidInput, $"{family.Family}: {name}={value} is not a choice; {name} is one of {string.Join(", ", choice.Values)}");
    }

    public static IReadOnlyDictionary<string, string> Resolved(IHlsKernelFamily family, IReadOnlyDictionary<string, string> given) =>
        family.Choices.ToDictionary(c => c.Name, c => Value(family, given, c.Name));

    /// <summary>
    /// Every combination of the family's searched choices, the defaults first; a parameter that is not searched
    /// keeps its value in <paramref name="fixedValues"/>, else its default.
    /// </summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Space(IHlsKernelFamily family, IReadOnlyDictionary<string, string>? fixedValues = null)
    {
        IEnumerable<Dictionary<string, string>> points = [new()];
        foreach (var choice in family.Choices)
        {
            IReadOnlyList<string> values = choice.Searched ? choice.Values
                : [fixedValues is not null && fixedValues.TryGetValue(choice.Name, out var v) ? v : choice.Values[0]];
            points = points.SelectMany(p => values.Select(v => new Dictionary<string, string>(p) { [choice.Name] = v }));
        }
        return points;
    }

    /// <summary>The value a pattern finds in a request, when it is one of the choice's values.</summary>
    public static void FromRequest(IHlsKernelFamily family, string request, string name, string pattern, Dictionary<string, string> found)
    {
        var match = System.Text.RegularExpressions.Regex.Match(request, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (!match.Success) return;
        var choice = family.Choices.First(c => c.Name == name);
        found[name] = choice.Values.Contains(match.Groups[1].Value) ? match.Groups[1].Value
            : throw new HwForgeException(ProblemKind.InvalidInput, $"{family.Family}: the request asks for {name} {match.Groups[1].Value}; the catalog's {name} is one of {string.Join(", ", choice.Values)}");
    }
}
