namespace HwForge.Catalog.Generators;

/// <summary>integer multiplier, full-width product: array, radix-4 Booth, Wallace tree or Dadda tree</summary>
public sealed partial class MultiplierGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class MultiplierGenerator
{
    public override string Family => "multiplier";

    public override string Summary => "integer multiplier, full-width product: array, radix-4 Booth, Wallace tree or Dadda tree";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        Specs.Width(8, 2, 32, "operand width in bits (the product has twice as many)", 4, 8, 16),
        Specs.Signed(false),
        ParameterSpec.Choice("architecture", "how partial products are formed and reduced", ParameterRole.Architecture, "wallace", Specs.MultiplierArchitectures),
        Specs.Pipeline(0, "register stages: 0 combinational, 1 registered product, 2 registered operands and product"),
    ];
}
