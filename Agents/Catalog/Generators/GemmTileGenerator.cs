namespace HwForge.Catalog.Generators;

/// <summary>output-stationary systolic GEMM tile: rows x cols MAC cells, int8 operands, wider accumulators</summary>
public sealed partial class GemmTileGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class GemmTileGenerator
{
    public override string Family => "gemm_tile";

    public override string Summary => "output-stationary systolic GEMM tile: rows x cols MAC cells, int8 operands, wider accumulators";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("rows", "rows of the tile (A enters on the left, one row a port lane)", ParameterRole.Function, 4, 1, 8, 2, 4, 8),
        ParameterSpec.Integer("cols", "columns of the tile (B enters on top)", ParameterRole.Function, 4, 1, 8, 2, 4, 8),
        Specs.Width(8, 2, 16, "operand width in bits", 8),
        Specs.Signed(true),
        ParameterSpec.Integer("acc_width", "accumulator width in bits, at least 2*width", ParameterRole.Function, 32, 4, 64, 24, 32),
        ParameterSpec.Choice("multiplier", "the multiplier in each cell: the synthesis tool's own (operator) or one of the catalog's", ParameterRole.Architecture, "operator", ["operator", .. Specs.MultiplierArchitectures]),
    ];
}
