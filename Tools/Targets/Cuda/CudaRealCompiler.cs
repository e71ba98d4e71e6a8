using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Clang;
using HwForge.Tools.Programs.Nvcc;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// The candidate's untouched source through a real CUDA compiler, in the sandbox: what one refuses (a host function
/// called from a kernel, say) fails here even where the emulation would run it. nvcc where installed, which also
/// tells each kernel's registers, spills and shared memory (ptxas); clang-19's CUDA front end to PTX otherwise;
/// skipped, and said so, where neither is installed.
/// </summary>
internal sealed class CudaRealCompiler(ToolHost host, ToolVersions versions)
{
    public const string Header = "hwforge_cuda_ptx.h";

    private const string Output = "kernel.out";
    private const string Log = "compiler.log";
    private const string Demangled = "compiler.names.log";
    private const string Status = "compiler.status";
    private const int MessageLines = 25;

    public async Task<CudaRealCompile> CompileAsync(string stagedSource, string sourceText, CancellationToken cancellation)
    {
        var nvcc = await versions.GetAsync(NvccTool.Descriptor, cancellation).ConfigureAwait(false);
        if (nvcc.Available) return await WithNvccAsync(nvcc.Version!, stagedSource, sourceText, cancellation).ConfigureAwait(false);
        var clang = await versions.GetAsync(ClangCuda.Descriptor, cancellation).ConfigureAwait(false);
        if (clang.Available) return await WithClangAsync(clang.Version!, stagedSource, sourceText, cancellation).ConfigureAwait(false);
        return new CudaRealCompile(false, false, $"{NvccTool.Descriptor.Executable} or {ClangCuda.Descriptor.Executable}",
            $"not checked by a real CUDA compiler: {nvcc.Problem}; {clang.Problem}", []);
    }

    private async Task<CudaRealCompile> WithNvccAsync(string version, string stagedSource, string sourceText, CancellationToken cancellation)
    {
        // ptxas names kernels mangled; cu++filt, from the same toolkit, gives them back as written.
        var script = $"{NvccTool.ResourceUsageCommand(stagedSource, Output)} 2> {Log}; echo $? > {Status}; cu++filt < {Log} > {Demangled}";
        var result = await RunAsync("nvcc-ptxas", version, script, [InputFile.FromText(stagedSource, sourceText)], cancellation).ConfigureAwait(false);
        var compiled = result.OutputText(Status)?.Trim() == "0" && result.Outputs.ContainsKey(Output);
        var log = result.OutputText(Demangled) ?? result.OutputText(Log) ?? result.Run.StandardError;
        var resources = compiled ? CudaKernelResources.Parse(log) : [];
        // ptxas's own lines are the figures, shown apart; the compiler's messages are what is left (warnings, errors).
        var messages = string.Join('\n', log.Split('\n').Where(l => !l.StartsWith("ptxas info", StringComparison.Ordinal) && !l.StartsWith("    ", StringComparison.Ordinal)));
        return new CudaRealCompile(true, compiled, $"{NvccTool.Descriptor.Executable} {version} ({NvccTool.Architecture})", Shorten(messages), resources)
        {
            RefusedSource = !compiled && Refused(messages, stagedSource),
        };
    }

    private async Task<CudaRealCompile> WithClangAsync(string version, string stagedSource, string sourceText, CancellationToken cancellation)
    {
        var script = $"{ClangCuda.CompileToPtxCommand(stagedSource, Output, Header)} 2> {Log}; echo $? > {Status}";
        var result = await RunAsync("clang-cuda-ptx", version, script,
        [
            InputFile.FromText(Header, CudaProgram.Header(Header)),
            // clang's intrinsics header includes this SDK file by name; the SDK is not here, and nothing in it is needed.
            InputFile.FromText("crt/sm_70_rt.hpp", ""),
            .. CudaProgram.RuntimeHeaderStubs("#pragma once\n"),
            InputFile.FromText(stagedSource, sourceText),
        ], cancellation).ConfigureAwait(false);
        var compiled = result.OutputText(Status)?.Trim() == "0" && result.Outputs.ContainsKey(Output);
        var messages = result.OutputText(Log) ?? result.Run.StandardError;
        return new CudaRealCompile(true, compiled, $"{ClangCuda.Descriptor.Executable} {version} ({ClangCuda.Architecture}, PTX only: no register figures)", Shorten(messages), [])
        {
            RefusedSource = !compiled && Refused(messages, stagedSource),
        };
    }

    private Task<StepResult> RunAsync(string name, string version, string script, IReadOnlyList<InputFile> inputs, CancellationToken cancellation)
    {
        var step = new ToolStep(name, version, new ToolInvocation("sh", ["-c", script]).WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(120))))
        {
            Inputs = inputs,
            Outputs = [Output, Log, Demangled, Status],
        };
        return host.RunAsync(step, cancellation);
    }

    // nvcc says "kernel.cu(12): error: …", clang "kernel.cu:12:5: error: …"; ptxas, which sees only the code the
    // kernel's source became, "ptxas error   : Entry function '…' uses too much shared data" with no line at all.
    private static bool Refused(string messages, string stagedSource) =>
        messages.Contains("ptxas error", StringComparison.Ordinal)
        || Regex.IsMatch(messages, $@"{Regex.Escape(Path.GetFileName(stagedSource))}(\(\d+\)|:\d+(:\d+)?): (fatal |catastrophic )?error", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string Shorten(string messages)
    {
        var lines = messages.Trim().Split('\n');
        return string.Join('\n', lines.Take(MessageLines)) + (lines.Length > MessageLines ? $"\n… ({lines.Length - MessageLines} more lines)" : "");
    }
}
