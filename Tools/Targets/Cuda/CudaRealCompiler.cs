using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Clang;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// The candidate's untouched source through clang's CUDA front end to PTX, in the sandbox: what a real CUDA
/// compiler refuses (a host function called from a kernel, say) fails here even where the emulation would run it.
/// Skipped, and said so, where clang-19 is not installed.
/// </summary>
internal sealed class CudaRealCompiler(ToolHost host, ToolVersions versions)
{
    public const string Header = "hwforge_cuda_ptx.h";

    private const string Ptx = "kernel.ptx";
    private const string Log = "clang.log";
    private const int MessageLines = 25;

    public async Task<CudaPtxCheck> CompileAsync(string stagedSource, string sourceText, CancellationToken cancellation)
    {
        var version = await versions.GetAsync(ClangCuda.Descriptor, cancellation).ConfigureAwait(false);
        if (!version.Available)
            return new CudaPtxCheck(false, false, ClangCuda.Descriptor.Executable, $"not checked by a real CUDA compiler: {version.Problem}");
        var script = $"{ClangCuda.CompileToPtxCommand(stagedSource, Ptx, Header)} 2> {Log}; echo $? > clang.status";
        var step = new ToolStep("clang-cuda-ptx", version.Version!, new ToolInvocation("sh", ["-c", script]).WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(120))))
        {
            Inputs =
            [
                InputFile.FromText(Header, CudaProgram.Header(Header)),
                // clang's intrinsics header includes this SDK file by name; the SDK is not here, and nothing in it is needed.
                InputFile.FromText("crt/sm_70_rt.hpp", ""),
                .. CudaProgram.RuntimeHeaderStubs("#pragma once\n"),
                InputFile.FromText(stagedSource, sourceText),
            ],
            Outputs = [Ptx, Log, "clang.status"],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var compiled = result.OutputText("clang.status")?.Trim() == "0" && result.Outputs.ContainsKey(Ptx);
        var messages = result.OutputText(Log) ?? result.Run.StandardError;
        var lines = messages.Trim().Split('\n');
        var shown = string.Join('\n', lines.Take(MessageLines)) + (lines.Length > MessageLines ? $"\n… ({lines.Length - MessageLines} more lines)" : "");
        return new CudaPtxCheck(true, compiled, $"{ClangCuda.Descriptor.Executable} {version.Version} ({ClangCuda.Architecture})", shown);
    }
}
