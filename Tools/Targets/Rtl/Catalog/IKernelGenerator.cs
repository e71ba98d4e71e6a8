namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>One family of parameterized kernels: its parameters, and a generator of Verilog plus a behavioural reference.</summary>
internal interface IKernelGenerator
{
    /// <summary>The family's name: adder, multiplier, mac, dot_product, fir, fifo, counter, fsm, gemm_tile.</summary>
    string Family { get; }

    /// <summary>One line for users and docs.</summary>
    string Summary { get; }

    IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>
    /// The design and its reference for these parameters; unspecified parameters take their defaults.
    /// Invalid values throw <see cref="CatalogParameterException"/> naming the parameter, its value and the allowed range.
    /// </summary>
    GeneratedDesign Generate(KernelParameters parameters);
}

/// <summary>Who decides a parameter: the request (what the circuit computes) or the optimizer (how it computes it).</summary>
internal enum ParameterRole
{
    /// <summary>Fixed by the request: width, signedness, taps, depth.</summary>
    Function,

    /// <summary>Free for the optimizer: architecture, pipeline stages, parallelism.</summary>
    Architecture,
}

/// <summary>What values a parameter takes.</summary>
internal enum ParameterKind
{
    /// <summary>A whole number between <see cref="ParameterSpec.Min"/> and <see cref="ParameterSpec.Max"/>.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of <see cref="ParameterSpec.SearchDomain"/>.</summary>
    Choice,

    /// <summary>Free text the generator checks itself (a bit pattern, a list of coefficients).</summary>
    Text,
}

/// <summary>
/// A parameter of a family. <see cref="SearchDomain"/> lists the finite values the optimizer may try
/// (for a Function parameter: typical values).
/// </summary>
internal sealed record ParameterSpec(string Name, string Description, ParameterRole Role, string Default, IReadOnlyList<string> SearchDomain, int? Min = null, int? Max = null)
{
    public ParameterKind Kind { get; init; } = ParameterKind.Integer;

    /// <summary>The allowed values in words, for error messages and docs.</summary>
    public string AllowedRange => Kind switch
    {
        ParameterKind.Integer => $"{Min}..{Max}",
        ParameterKind.Boolean => "true or false",
        ParameterKind.Choice => string.Join(" | ", SearchDomain),
        _ => Description,
    };

    public static ParameterSpec Integer(string name, string description, ParameterRole role, int defaultValue, int min, int max, params int[] domain) =>
        new(name, description, role, defaultValue.ToString(), [.. domain.Select(d => d.ToString())], min, max);

    public static ParameterSpec Boolean(string name, string description, ParameterRole role, bool defaultValue) =>
        new(name, description, role, defaultValue ? "true" : "false", ["false", "true"]) { Kind = ParameterKind.Boolean };

    public static ParameterSpec Choice(string name, string description, ParameterRole role, string defaultValue, params string[] choices) =>
        new(name, description, role, defaultValue, choices) { Kind = ParameterKind.Choice };

    public static ParameterSpec Text(string name, string description, ParameterRole role, string defaultValue, params string[] typical) =>
        new(name, description, role, defaultValue, typical) { Kind = ParameterKind.Text };
}

/// <summary>A parameter value a generator cannot build: the message names the parameter, its value and what is allowed.</summary>
internal sealed class CatalogParameterException(string family, string parameter, string value, string allowed)
    : ArgumentException($"{family}: {parameter}={value} is not allowed; {parameter} must be {allowed}")
{
    public string Family { get; } = family;

    public string Parameter { get; } = parameter;

    public string Value { get; } = value;

    public string Allowed { get; } = allowed;
}
