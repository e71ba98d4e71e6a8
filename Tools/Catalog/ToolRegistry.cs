using HwForge.Tools.Compilers;
using HwForge.Tools.Icarus;
using HwForge.Tools.Nextpnr;
using HwForge.Tools.OpenSta;
using HwForge.Tools.Verilator;
using HwForge.Tools.Yosys;

namespace HwForge.Tools.Catalog;

/// <summary>Every external tool HwForge drives, in the order a design meets them.</summary>
public static class ToolRegistry
{
    public static IReadOnlyList<ToolDescriptor> All { get; } =
    [
        VerilatorTool.Descriptor,
        IcarusTool.Descriptor,
        YosysTool.Descriptor,
        OpenStaTool.Descriptor,
        NextpnrTool.Descriptor,
        CompilerTools.Gxx,
        CompilerTools.Z3,
    ];
}
