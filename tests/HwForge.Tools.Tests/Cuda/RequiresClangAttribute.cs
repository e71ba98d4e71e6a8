using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Clang;

namespace HwForge.Tools.Tests.Cuda;

/// <summary>A test of clang's CUDA front end: reported skipped, by name and with how to install it, where clang-19 is absent.</summary>
public sealed class RequiresClangFactAttribute : FactAttribute
{
    public RequiresClangFactAttribute()
    {
        if (ToolVersions.FindOnPath(ClangCuda.Descriptor.Executable) is null)
            Skip = $"needs {ClangCuda.Descriptor.Executable}, not found on PATH: run sandbox/install-toolchain.sh (Debian package {ClangCuda.Descriptor.DebianPackage})";
    }
}
