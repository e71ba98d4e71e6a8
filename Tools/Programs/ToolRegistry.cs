using HwForge.Tools.Programs.Clang;
using HwForge.Tools.Programs.Gcc;
using HwForge.Tools.Programs.Icarus;
using HwForge.Tools.Programs.Nextpnr;
using HwForge.Tools.Programs.Nvcc;
using HwForge.Tools.Programs.OpenSta;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Programs;

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
        ClangCuda.Descriptor,
        NvccTool.Descriptor,
    ];
}
