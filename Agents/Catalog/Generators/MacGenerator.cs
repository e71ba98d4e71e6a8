namespace HwForge.Catalog.Generators;

/// <summary>multiply-accumulate with valid and clear, accumulator wider than the product</summary>
public sealed partial class MacGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class MacGenerator
{
    public override string Family => "mac";

    public override string Summary => "multiply-accumulate with valid and clear, accumulator wider than the product";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Specs.Width(16, 2, 32, "operand width in bits", 8, 16),
        Specs.Signed(true),
        ParameterSpec.Integer("guard_bits", "accumulator bits beyond the product (accumulator = 2*width + guard_bits)", ParameterRole.Function, 8, 0, 32, 4, 8),
        Specs.Pipeline(1, "stages before the accumulator: 0 none, 1 product register, 2 operand and product registers (latency = pipeline + 1)"),
        ParameterSpec.Choice("multiplier", "the multiplier inside: the synthesis tool's own (operator) or one of the catalog's", ParameterRole.Architecture, "operator", ["operator", .. Specs.MultiplierArchitectures]),
    ];
}
