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
        var compiler = await new ToolVersions(host).RequireAsync(CompilerTools.Gxx, cancellation).ConfigureAwait(false);
        var sources = NativeSources.ForLibrary();
        var folder = Path.Combine(host.Home.Cache, "native", Hash(sources, variant, compiler));
        var library = Path.Combine(folder, LibraryFile);
        if (File.Exists(library)) return new(variant, library, null, true);

        // Two callers asking for the same library at once would compile it twice and race on the rename.
        await OneAtATime.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (File.Exists(library)) return new(variant, library, null, true);
            var arguments = Flags.Concat(["-shared"]).Concat(variant.Defines).Concat(["-o", LibraryFile]).Concat(NativeSources.LibraryUnits);
            var step = new ToolStep("g++-native-kernels", compiler, new ToolInvocation(CompilerTools.Gxx.Executable, arguments)
                .WithLimits(ResourceLimits.Default.WithTimeout(CompileTimeout)))
            {
                Inputs = sources,
                Outputs = [LibraryFile],
                // This cache is the library's own folder; the step cache would hold a second copy.
                Cacheable = false,
            };
            var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
            if (!result.Outputs.TryGetValue(LibraryFile, out var bytes))
                return new(variant, null, $"g++ {result.Run.Describe(step.Invocation.Limits)}:\n{FirstLines(result.Run.StandardError, 20)}", false);
            Directory.CreateDirectory(folder);
            // Written whole, then renamed: a reader never loads half a library.
            var partial = library + $".{Environment.ProcessId}.partial";
            await File.WriteAllBytesAsync(partial, bytes, cancellation).ConfigureAwait(false);
            File.Move(partial, library, overwrite: true);
            await File.WriteAllTextAsync(Path.Combine(folder, "variant.txt"), $"{variant}\n{string.Join(' ', Flags)} {string.Join(' ', variant.Defines)}\ng++ {compiler}\n", cancellation).ConfigureAwait(false);
            return new(variant, library, null, false);
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

    internal static string Hash(IReadOnlyList<InputFile> sources, NativeVariant variant, string compiler)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.Name + "\0"));
            sha.AppendData(source.Content);
        }
        sha.AppendData(Encoding.UTF8.GetBytes($"{string.Join(' ', Flags)}\0{string.Join(' ', variant.Defines)}\0{compiler}\0{CpuIdentity.Value}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..24];
    }

    internal static string FirstLines(string text, int count)
    {
        var lines = text.Trim().Split('\n');
        return string.Join('\n', lines.Take(count)) + (lines.Length > count ? $"\n… ({lines.Length - count} more lines)" : "");
    }
}
