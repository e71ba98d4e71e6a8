namespace HwForge.Catalog.Generators;

/// <summary>Moore FSM detecting a serial bit pattern (hit is high the cycle after the last bit)</summary>
public sealed partial class SequenceDetectorGenerator : KernelGenerator
{
    protected override GeneratedDesign Build(KernelParameters p) => throw new NotImplementedException($"{Family}: not written yet");
}

public sealed partial class SequenceDetectorGenerator
{
    public override string Family => "fsm";

    public override string Summary => "Moore FSM detecting a serial bit pattern (hit is high the cycle after the last bit)";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Text("pattern", "the bit pattern, first bit first, 1 to 16 bits of 0 and 1", ParameterRole.Function, "1011", "1011", "110", "1001"),
        ParameterSpec.Boolean("overlapping", "matches may share bits (false: after a hit the search starts afresh)", ParameterRole.Function, true),
        ParameterSpec.Choice("encoding", "state encoding", ParameterRole.Architecture, "binary", "binary", "one_hot", "gray"),
    ];
}
