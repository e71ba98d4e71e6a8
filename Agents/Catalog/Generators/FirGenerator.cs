namespace HwForge.Catalog.Generators;

/// <summary>FIR filter with constant coefficients, direct or transposed form, optionally pipelined</summary>
public sealed partial class FirGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class FirGenerator
{
    public override string Family => "fir";

    public override string Summary => "FIR filter with constant coefficients, direct or transposed form, optionally pipelined";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("taps", "number of coefficients", ParameterRole.Function, 8, 1, 64, 4, 8, 16),
        Specs.Width(12, 2, 24, "sample width in bits", 8, 12, 16),
        Specs.Signed(true),
        ParameterSpec.Text("coefficients", "comma-separated integers, one a tap, |c| < 2^15; \"symmetric\": the fixed triangular set 1,2,..,2,1", ParameterRole.Function, "symmetric", "symmetric", "1,2,3,4,4,3,2,1"),
        ParameterSpec.Choice("architecture", "direct form (delay line, adder tree) or transposed form (register chain of partial sums)", ParameterRole.Architecture, "direct", "direct", "transposed"),
        Specs.Pipeline(0, "register stages: 0 output follows the input in the same cycle, 1 registered output, 2 also registered products (direct) or input (transposed)"),
    ];
}
