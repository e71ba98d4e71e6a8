using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Clang;
using HwForge.Tools.Programs.Nvcc;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>
/// A test of a real CUDA compiler's check (nvcc, or clang's CUDA front end): reported skipped, by name and with how
/// to install one, where neither is on PATH.
/// </summary>
public sealed class RequiresRealCudaCompilerFactAttribute : FactAttribute
{
    public RequiresRealCudaCompilerFactAttribute()
    {
        if (ToolVersions.FindOnPath(NvccTool.Descriptor.Executable) is null && ToolVersions.FindOnPath(ClangCuda.Descriptor.Executable) is null)
            Skip = $"needs {NvccTool.Descriptor.Executable} or {ClangCuda.Descriptor.Executable}, neither found on PATH: run sandbox/install-toolchain.sh "
                + $"(Debian packages {NvccTool.Descriptor.DebianPackage}, {ClangCuda.Descriptor.DebianPackage})";
    }
}

/// <summary>A test of nvcc and ptxas (resource figures): reported skipped, by name and with how to install them, where nvcc is absent.</summary>
public sealed class RequiresNvccFactAttribute : FactAttribute
{
    public RequiresNvccFactAttribute()
    {
        if (ToolVersions.FindOnPath(NvccTool.Descriptor.Executable) is null)
            Skip = $"needs {NvccTool.Descriptor.Executable}, not found on PATH: run sandbox/install-toolchain.sh (Debian package {NvccTool.Descriptor.DebianPackage}, from the non-free component)";
    }
}

/// <summary>A test that times on a GPU: reported skipped, by name, on a machine without one (no /dev/nvidiactl and /dev/nvidia0) or without nvcc.</summary>
public sealed class RequiresGpuFactAttribute : FactAttribute
{
    public RequiresGpuFactAttribute()
    {
        if (!HwForge.Tools.Targets.Cuda.Bench.CudaBench.GpuPresent)
            Skip = "needs an NVIDIA GPU (no /dev/nvidiactl and /dev/nvidia0 here): run it on a GPU machine";
        else if (ToolVersions.FindOnPath(NvccTool.Descriptor.Executable) is null)
            Skip = $"needs {NvccTool.Descriptor.Executable} to build the bench runner: run sandbox/install-toolchain.sh";
    }
}
