namespace HwForge.Catalog.Generators;

/// <summary>modulo-N counter with enable and a wrap pulse</summary>
public sealed partial class CounterGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class CounterGenerator
{
    public override string Family => "counter";

    public override string Summary => "modulo-N counter with enable and a wrap pulse";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("modulus", "counts 0..modulus-1 then wraps", ParameterRole.Function, 16, 2, 65536, 10, 16, 60, 256),
        ParameterSpec.Choice("architecture", "binary toggle chain (T flip-flops, explicit carry ANDs) or a one-hot ring with an encoder (modulus <= 64)", ParameterRole.Architecture, "toggle_chain", "toggle_chain", "one_hot"),
    ];
}
