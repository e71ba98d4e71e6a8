using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Nvcc;

namespace HwForge.Tools.Targets.Cuda.Bench;

/// <summary>
/// A self-contained bench bundle: the runner (the fatbin for sm_80 and sm_90 plus PTX for later GPUs inside it, the
/// CUDA runtime and libstdc++ linked statically, so it needs only glibc and the GPU driver), the sources it was built
/// from, the problem, a manifest with every file's SHA-256, and run.sh. The inputs are not files: the runner makes
/// them from the seed with the judge's generator, the same bits as the emulation's first trial, in far less room.
/// </summary>
internal sealed record CudaBundle(byte[] Runner, IReadOnlyDictionary<string, string> Sources, string Compiler, string Problem)
{
    public const string RunnerFile = "runner";
    public const string RunScript = "run.sh";
    public const string ManifestFile = "manifest.json";

    /// <summary>What a GPU machine with no package manager can take: the issue's limit, checked by the bundle's test.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Writes the bundle into <paramref name="folder"/> (created; files of the same names replaced) and returns its size in bytes.</summary>
    public long WriteTo(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "src"));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [RunnerFile] = Runner,
            [RunScript] = System.Text.Encoding.UTF8.GetBytes(Script),
            [CudaProblem.FileName] = System.Text.Encoding.UTF8.GetBytes(Problem),
        };
        foreach (var (name, text) in Sources) files[$"src/{name}"] = System.Text.Encoding.UTF8.GetBytes(text);
        var manifest = new JsonObject
        {
            ["what"] = "hwforge cuda bench bundle: ./run.sh prints one JSON object (docs/CUDA.md, On a GPU machine)",
            ["compiler"] = Compiler,
            ["gpu_code"] = string.Join(", ", NvccTool.BundleArchitectures),
            ["files"] = new JsonObject(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
                KeyValuePair.Create<string, JsonNode?>(f.Key, new JsonObject { ["bytes"] = f.Value.Length, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(f.Value)) }))),
        };
        files[ManifestFile] = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(folder, name), bytes);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(Path.Combine(folder, RunnerFile), executable);
            File.SetUnixFileMode(Path.Combine(folder, RunScript), executable);
        }
        return files.Values.Sum(b => (long)b.Length);
    }

    private const string Script = """
        #!/bin/sh
        # Times the kernel against the baseline on this machine's first GPU; prints one JSON object.
        # Options: --repeats N (at least 100, the default), --warmup N (default 10).
        # Exit: 0 every timed output matched the baseline's, 1 a mismatch, 2 a CUDA error, 3 no GPU, 4 usage.
        cd "$(dirname "$0")" && exec ./runner "$@"

        """;
}

/// <summary>Builds a <see cref="CudaBundle"/> with nvcc in the sandbox.</summary>
internal sealed class CudaBundleBuilder(ToolHost host, ToolVersions versions)
{
    private const string Log = "build.log";
    private const string Status = "build.status";

    /// <summary>The bundle, or why it could not be built (nvcc missing, a side that does not compile).</summary>
    public async Task<(CudaBundle? Bundle, string? Problem)> BuildAsync(string kernel, string baseline, CudaProblem problem, string problemText,
        IReadOnlyList<IReadOnlyDictionary<string, long>> sizes, int seed, CancellationToken cancellation)
    {
        var version = await versions.GetAsync(NvccTool.Descriptor, cancellation).ConfigureAwait(false);
        if (!version.Available)
            return (null, $"a bench bundle is built with nvcc, which is not usable here ({version.Problem}): run sandbox/install-toolchain.sh "
                + $"(Debian package {NvccTool.Descriptor.DebianPackage}, from the non-free component)");
        var sources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CudaBenchProgram.SourceFile(CudaBenchProgram.KernelSide)] = kernel,
            [CudaBenchProgram.SourceFile(CudaBenchProgram.BaselineSide)] = baseline,
            [CudaBenchProgram.SideFile(CudaBenchProgram.KernelSide)] = CudaBenchProgram.Side(CudaBenchProgram.KernelSide, problem),
            [CudaBenchProgram.SideFile(CudaBenchProgram.BaselineSide)] = CudaBenchProgram.Side(CudaBenchProgram.BaselineSide, problem),
            [CudaBenchProgram.MainFile] = CudaBenchProgram.Main(problem, sizes, seed),
            [CudaBenchProgram.Harness] = CudaProgram.Header(CudaBenchProgram.Harness),
            ["hwforge_cuda_judge.h"] = CudaProgram.Header("hwforge_cuda_judge.h"),
        };
        var units = new[] { CudaBenchProgram.MainFile, CudaBenchProgram.SideFile(CudaBenchProgram.KernelSide), CudaBenchProgram.SideFile(CudaBenchProgram.BaselineSide) };
        var script = $"{NvccTool.BundleCommand(units, CudaBundle.RunnerFile)} > {Log} 2>&1; echo $? > {Status}";
        var step = new ToolStep("nvcc-bundle", version.Version!, new ToolInvocation("sh", ["-c", script]).WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(600))))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.Key, s.Value))],
            Outputs = [CudaBundle.RunnerFile, Log, Status],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        if (result.OutputText(Status)?.Trim() != "0" || !result.Outputs.TryGetValue(CudaBundle.RunnerFile, out var runner))
        {
            var log = (result.OutputText(Log) ?? result.Run.StandardError).Trim();
            var side = log.Contains($"{CudaBenchProgram.SourceFile(CudaBenchProgram.BaselineSide)}(", StringComparison.Ordinal) ? "the baseline"
                : log.Contains($"{CudaBenchProgram.SourceFile(CudaBenchProgram.KernelSide)}(", StringComparison.Ordinal) ? "the kernel" : "the runner";
            var lines = log.Split('\n');
            return (null, $"{side} did not build with nvcc {version.Version}:\n{string.Join('\n', lines.Take(25))}{(lines.Length > 25 ? $"\n… ({lines.Length - 25} more lines)" : "")}");
        }
        return (new CudaBundle(runner, sources, $"{NvccTool.Descriptor.Executable} {version.Version} (host compiler {NvccTool.HostCompiler})", problemText), null);
    }
}
