namespace HwForge.Catalog.Generators;

/// <summary>dot product of two vectors of N lanes, full-precision sum</summary>
public sealed partial class DotProductGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class DotProductGenerator
{
    public override string Family => "dot_product";

    public override string Summary => "dot product of two vectors of N lanes, full-precision sum";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("lanes", "vector length N (parallel multipliers)", ParameterRole.Function, 4, 2, 16, 2, 4, 8),
        Specs.Width(8, 2, 16, "element width in bits", 8, 16),
        Specs.Signed(true),
        ParameterSpec.Choice("reduction", "how the products are summed: a balanced adder tree or a linear chain", ParameterRole.Architecture, "tree", "tree", "chain"),
        Specs.Pipeline(0, "register stages: 0 combinational, 1 registered sum, 2 registered products and sum"),
    ];
}
