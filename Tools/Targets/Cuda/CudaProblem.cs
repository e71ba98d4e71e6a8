using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// One argument of a CUDA problem's entry, in the order <c>solve</c> and the reference take them: a buffer (it has a
/// shape, element counts written in the scalar arguments) or a scalar (a size from <see cref="CudaProblem.Sizes"/>,
/// or a fixed <see cref="Value"/>).
/// </summary>
internal sealed record CudaArgument(string Name, IReadOnlyList<string> Shape, string Type)
{
    /// <summary>Written by the entry and compared; poisoned with NaN before every launch.</summary>
    public bool Out { get; init; }

    /// <summary>Generated like an input, then compared like an output.</summary>
    public bool InOut { get; init; }

    /// <summary>A scalar's fixed value (an epsilon, say); null for a size.</summary>
    public double? Value { get; init; }

    public bool IsBuffer => Shape.Count > 0;

    /// <summary>The element count as a C++ expression over the scalar arguments.</summary>
    public string Count => string.Join(" * ", Shape.Select(d => $"({d})"));

    public bool IsFloat => Type is "float" or "double";
}

/// <summary>
/// A CUDA problem (<c>problem.yaml</c>): the entry the candidate defines, the reference function, the arguments, the
/// sizes to try, the tolerance and the input range. Read by <see cref="CudaProblem.Parse"/>; see docs/CUDA.md.
/// </summary>
internal sealed partial record CudaProblem(string Entry, string Reference, IReadOnlyList<CudaArgument> Arguments, IReadOnlyList<IReadOnlyDictionary<string, long>> Sizes)
{
    public const string FileName = "problem.yaml";

    public double AbsoluteTolerance { get; init; } = 1e-4;

    public double RelativeTolerance { get; init; } = 1e-4;

    public double Low { get; init; } = -1;

    public double High { get; init; } = 1;

    /// <summary>How much wider the "large" distribution is than [low, high] (exp overflows in float past 88).</summary>
    public double Large { get; init; } = 100;

    /// <summary>The input distributions tried: "range", "large", "constant" (docs/CUDA.md).</summary>
    public IReadOnlyList<string> Distributions { get; init; } = AllDistributions;

    public static IReadOnlyList<string> AllDistributions { get; } = ["range", "large", "constant"];

    /// <summary>
    /// The floating-point operations the problem needs, an expression over the size arguments: the work any correct
    /// kernel must do, for the roofline estimate (<see cref="CudaRoofline"/>); null when the problem gives none.
    /// </summary>
    public string? Flops { get; init; }

    /// <summary>The bytes the problem must move to and from device memory at the least (each input read once, each output written once).</summary>
    public string? Bytes { get; init; }

    /// <summary>The most elements one buffer may have at any size (the logs carry every output element).</summary>
    public const long MaxElements = 1L << 22;

    private static readonly string[] Types = ["float", "double", "int", "unsigned", "unsigned char"];

    /// <summary>The problem in <paramref name="yaml"/>, or what is wrong with it in words for its author.</summary>
    public static (CudaProblem? Problem, string? Error) Parse(string yaml)
    {
        try { return Read(yaml); }
        catch (YamlDotNet.Core.YamlException e) { return (null, $"problem.yaml is not valid YAML: {e.Message}"); }
        catch (FormatException e) { return (null, e.Message); }
    }

    private static (CudaProblem?, string?) Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return (null, "problem.yaml must be a mapping with entry, reference, args and sizes");
        string? Text(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
        double Number(YamlMappingNode map, string key, double fallback) =>
            Text(map, key) is { } t ? double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;
        YamlNode? Node(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

        var entry = Text(root, "entry") ?? "solve";
        var reference = Text(root, "reference") ?? "solve_ref";
        if (!Identifier().IsMatch(entry) || !Identifier().IsMatch(reference)) return (null, "entry and reference must be C identifiers");

        if (Node(root, "args") is not YamlSequenceNode argNodes || argNodes.Children.Count == 0)
            return (null, "problem.yaml needs args: a list of {name, shape, out} (docs/CUDA.md)");
        var arguments = new List<CudaArgument>();
        foreach (var node in argNodes.Children)
        {
            if (node is not YamlMappingNode a || Text(a, "name") is not { } name || !Identifier().IsMatch(name))
                return (null, "every argument needs a name that is a C identifier");
            var shape = Node(a, "shape") is YamlSequenceNode dims ? dims.Children.OfType<YamlScalarNode>().Select(d => d.Value ?? "").ToList() : [];
            var type = Text(a, "type") ?? (shape.Count > 0 ? "float" : "int");
            if (!Types.Contains(type)) return (null, $"argument {name}: type {type} is not one of {string.Join(", ", Types)}");
            arguments.Add(new CudaArgument(name, shape, type)
            {
                Out = Text(a, "out") is "true",
                InOut = Text(a, "inout") is "true",
                Value = Text(a, "value") is { } v ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : null,
            });
        }
        if (arguments.Select(a => a.Name).Distinct().Count() != arguments.Count) return (null, "two arguments have the same name");
        if (!arguments.Any(a => a.IsBuffer && (a.Out || a.InOut))) return (null, "no argument is an output: mark one with out: true");
        var sizeNames = arguments.Where(a => !a.IsBuffer && a.Value is null).Select(a => a.Name).ToHashSet();
        foreach (var a in arguments.Where(a => a.IsBuffer))
            foreach (var d in a.Shape)
                if (!ShapeExpression().IsMatch(d) || Name().Matches(d).Any(m => !sizeNames.Contains(m.Value)))
                    return (null, $"argument {a.Name}: shape {d} must be written in numbers, + - * / ( ) and the size arguments ({string.Join(", ", sizeNames)})");

        if (Node(root, "sizes") is not YamlSequenceNode sizeNodes || sizeNodes.Children.Count == 0)
            return (null, "problem.yaml needs sizes: a list of {M: 33, N: 47}, one value for each size argument");
        var sizes = new List<IReadOnlyDictionary<string, long>>();
        foreach (var node in sizeNodes.Children.OfType<YamlMappingNode>())
        {
            var size = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (k, v) in node.Children)
                size[((YamlScalarNode)k).Value!] = long.Parse(((YamlScalarNode)v).Value!, CultureInfo.InvariantCulture);
            if (sizeNames.FirstOrDefault(n => !size.ContainsKey(n)) is { } missing) return (null, $"a size gives no value for {missing}");
            if (size.Values.Any(v => v < 1 || v > int.MaxValue)) return (null, "sizes must be positive ints");
            foreach (var a in arguments.Where(a => a.IsBuffer))
                if (Evaluate(a.Shape, size) is var n && (n < 1 || n > MaxElements))
                    return (null, $"argument {a.Name} has {n} elements at size {string.Join(", ", size.Select(p => $"{p.Key}={p.Value}"))}: between 1 and {MaxElements}");
            sizes.Add(size);
        }

        var problem = new CudaProblem(entry, reference, arguments, sizes);
        var (flops, flopsError) = Work(Node(root, "flops"), "flops", sizeNames, sizes);
        var (bytes, bytesError) = Work(Node(root, "bytes"), "bytes", sizeNames, sizes);
        if ((flopsError ?? bytesError) is { } workError) return (null, workError);
        if ((flops is null) != (bytes is null))
            return (null, $"problem.yaml gives {(flops is null ? "bytes but no flops" : "flops but no bytes")}: the roofline estimate needs both (docs/CUDA.md)");
        problem = problem with { Flops = flops, Bytes = bytes };
        if (Node(root, "tolerance") is YamlMappingNode tolerance)
            problem = problem with { AbsoluteTolerance = Number(tolerance, "abs", 1e-4), RelativeTolerance = Number(tolerance, "rel", 1e-4) };
        if (Node(root, "inputs") is YamlMappingNode inputs)
            problem = problem with { Low = Number(inputs, "low", -1), High = Number(inputs, "high", 1), Large = Number(inputs, "large", 100) };
        if (Node(root, "distributions") is YamlSequenceNode distributions)
        {
            var names = distributions.Children.OfType<YamlScalarNode>().Select(d => d.Value ?? "").ToList();
            if (names.Count == 0 || names.Any(n => !AllDistributions.Contains(n)))
                return (null, $"distributions are some of {string.Join(", ", AllDistributions)}");
            problem = problem with { Distributions = names };
        }
        if (!(problem.Low < problem.High)) return (null, "inputs: low must be below high");
        return (problem, null);
    }

    // flops or bytes: one expression in the size arguments, at least 1 at every size; refused naming the key.
    private static (string? Expression, string? Error) Work(YamlNode? node, string key, IReadOnlySet<string> sizeNames,
        IReadOnlyList<IReadOnlyDictionary<string, long>> sizes)
    {
        if (node is null) return (null, null);
        var written = $"{key} must be one expression in numbers, + - * / ( ) and the size arguments ({string.Join(", ", sizeNames)})";
        if (node is not YamlScalarNode { Value: { Length: > 0 } text }) return (null, written);
        if (!ShapeExpression().IsMatch(text) || Name().Matches(text).Any(m => !sizeNames.Contains(m.Value)))
            return (null, $"{written}; '{text}' is not");
        foreach (var size in sizes)
        {
            long value;
            try { value = new ShapeArithmetic(text, size, key).Parse(); }
            catch (FormatException e) { return (null, e.Message); }
            if (value < 1) return (null, $"{key} {text} is {value} at size {string.Join(", ", size.Select(p => $"{p.Key}={p.Value}"))}: it must be at least 1");
        }
        return (text, null);
    }

    /// <summary>The element count of a shape at a size (the same arithmetic the C++ harness does, in longs).</summary>
    public static long Evaluate(IReadOnlyList<string> shape, IReadOnlyDictionary<string, long> size)
    {
        long n = 1;
        foreach (var d in shape) n *= new ShapeArithmetic(d, size).Parse();
        return n;
    }

    [GeneratedRegex(@"^[A-Za-z_]\w*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[\w\s+\-*/()]+$")]
    private static partial Regex ShapeExpression();
}
