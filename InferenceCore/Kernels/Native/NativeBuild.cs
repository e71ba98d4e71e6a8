using System.Security.Cryptography;
using System.Text;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Gcc;

namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>A library built, or the reason it was not; a compile error is a verdict on a variant, not a crash.</summary>
public sealed record NativeBuildResult(NativeVariant Variant, string? LibraryPath, string? Failure, bool FromCache)
{
    public bool Succeeded => LibraryPath is not null;
}

/// <summary>
/// Compiles the native kernels with g++ <c>-O3 -march=native</c> inside the sandbox and keeps each library under
/// <c>$HWFORGE_HOME/cache/native/&lt;hash&gt;</c>, the hash covering the sources, flags, variant, compiler version
/// and CPU: the same build is never compiled twice, and a cache shared with another machine never serves it code
/// tuned for a different CPU.
/// </summary>
public static class NativeBuild
{
    public const string LibraryFile = "libhwforge_kernels.so";

    /// <summary>The flags every build shares; a variant adds only its -D macros.</summary>
    public static readonly string[] Flags =
        ["-std=c++17", "-O3", "-march=native", "-fopenmp-simd", "-fno-math-errno", "-fPIC", "-fvisibility=hidden", "-Wall", "-Werror"];

    static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(2);
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<NativeBuildResult> BuildAsync(ToolHost host, NativeVariant variant, CancellationToken cancellation = default)
    {
        if (!variant.FitsRegisters) return new(variant, null, $"the {variant.Mr}x{variant.Nr} tile does not fit the vector registers at {variant.VectorBits} bits", false);
        var arguments = Flags.Concat(["-shared"]).Concat(variant.Defines).Concat(["-o", LibraryFile]).Concat(NativeSources.LibraryUnits);
        var (path, failure, cached) = await CompileAsync(host, LibraryFile, [.. arguments], NativeSources.ForLibrary(), variant.ToString(), cancellation).ConfigureAwait(false);
        return new(variant, path, failure, cached);
    }

    /// <summary>The conformance harness (check_main.cpp), built once: it loads whichever library it is handed.</summary>
    internal static async Task<string> BuildCheckerAsync(ToolHost host, CancellationToken cancellation = default)
    {
        string[] arguments = ["-std=c++17", "-O2", "-Wall", "-Werror", "-o", CheckerFile, NativeSources.CheckMain, "-ldl"];
        var (path, failure, _) = await CompileAsync(host, CheckerFile, arguments, NativeSources.ForChecker(), "conformance harness", cancellation).ConfigureAwait(false);
        return path ?? throw new InvalidOperationException($"the native conformance harness did not build: {failure}");
    }

    internal const string CheckerFile = "hwforge-check";

    static async Task<(string? Path, string? Failure, bool FromCache)> CompileAsync(
        ToolHost host, string output, string[] arguments, IReadOnlyList<InputFile> sources, string what, CancellationToken cancellation)
    {
        var compiler = await new ToolVersions(host).RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);
        var folder = Path.Combine(host.Home.Cache, "native", Hash(sources, arguments, compiler));
        var target = Path.Combine(folder, output);
        if (File.Exists(target)) return (target, null, true);

        // Two callers asking for the same file at once would compile it twice and race on the rename.
        await OneAtATime.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (File.Exists(target)) return (target, null, true);
            var step = new ToolStep("g++-native-kernels", compiler, new ToolInvocation(CompilerTools.Gxx.Executable, arguments)
                .WithLimits(ResourceLimits.Default.WithTimeout(CompileTimeout)))
            {
                Inputs = sources,
                Outputs = [output],
                // This cache is the file's own folder; the step cache would hold a second copy.
                Cacheable = false,
            };
            var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
            if (!result.Outputs.TryGetValue(output, out var bytes))
                return (null, $"g++ {result.Run.Describe(step.Invocation.Limits)}:\n{FirstLines(result.Run.StandardError, 20)}", false);
            Directory.CreateDirectory(folder);
            // Written whole, then renamed: a reader never loads half a library.
            var partial = target + $".{Environment.ProcessId}.partial";
            await File.WriteAllBytesAsync(partial, bytes, cancellation).ConfigureAwait(false);
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.Move(partial, target, overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(folder, "built.txt"), $"{what}\ng++ {string.Join(' ', arguments)}\ng++ {compiler}\n{CpuIdentity.Model}\n", cancellation).ConfigureAwait(false);
            return (target, null, false);
        }
        finally { OneAtATime.Release(); }
    }

    /// <summary>Builds the variant or throws <see cref="Tools.Foundation.HwForgeException"/> saying why: for callers that need a working set.</summary>
    public static async Task<string> RequireAsync(ToolHost host, NativeVariant variant, CancellationToken cancellation = default)
    {
        var built = await BuildAsync(host, variant, cancellation).ConfigureAwait(false);
        return built.LibraryPath ?? throw new Tools.Foundation.HwForgeException(Tools.Foundation.ProblemKind.InvalidInput,
            $"the native kernels ({variant}) did not build: {built.Failure}");
    }

    internal static string Hash(IReadOnlyList<InputFile> sources, IEnumerable<string> arguments, string compiler)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.Name + "\0"));
            sha.AppendData(source.Content);
        }
        sha.AppendData(Encoding.UTF8.GetBytes($"{string.Join(' ', arguments)}\0{compiler}\0{CpuIdentity.Value}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..24];
    }

    internal static string FirstLines(string text, int count)
    {
        var lines = text.Trim().Split('\n');
        return string.Join('\n', lines.Take(count)) + (lines.Length > count ? $"\n… ({lines.Length - count} more lines)" : "");
    }
}
