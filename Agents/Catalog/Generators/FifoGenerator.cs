namespace HwForge.Catalog.Generators;

/// <summary>synchronous FIFO, show-ahead output, full/empty/count; pushes when full and pops when empty are ignored</summary>
public sealed partial class FifoGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class FifoGenerator
{
    public override string Family => "fifo";

    public override string Summary => "synchronous FIFO, show-ahead output, full/empty/count; pushes when full and pops when empty are ignored";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("depth", "entries, a power of two", ParameterRole.Function, 16, 2, 1024, 4, 8, 16, 32),
        Specs.Width(8, 1, 64, "data width in bits", 8, 16, 32),
        ParameterSpec.Choice("architecture", "how fullness is tracked: a count register, or read/write pointers with a wrap bit", ParameterRole.Architecture, "count_register", "count_register", "wrap_pointers"),
    ];
}
