using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Hls;

/// <summary>
/// Writes the C-simulation program of one side (kernel or reference): HwForge's headers, the side's own sources
/// included as one translation unit (its <c>main</c>, if any, renamed away), and a caller that declares the
/// arguments, generates them, calls the top and logs every input and output bit. Each side is its own program in
/// its own sandbox, so the two share no symbols and neither can see the other's state or output.
/// </summary>
internal static class CSimHarness
{
    public const string MainFile = "hwforge_csim_main.cpp";
    public const string LogFile = "hwforge-csim.log";
    public const string CompileLog = "hwforge-compile.log";
    public const string CompiledMarker = "hwforge-compiled";

    /// <summary>The headers HwForge ships for HLS C++: the ap_ types and the harness's support.</summary>
    public static readonly string[] HeaderNames = ["ap_int.h", "ap_fixed.h", "hwforge_csim.h"];

    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    /// <summary>The text of one of HwForge's own headers (embedded in the assembly).</summary>
    public static string Header(string name) => Loaded.GetOrAdd(name, static file =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Hls.Include.{file}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the HLS header {file} is not embedded in the assembly");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    });

    public static IEnumerable<InputFile> Headers() => HeaderNames.Select(n => InputFile.FromText(n, Header(n)));

    /// <summary>The most header text staged from a vendor folder: Vitis's include folder is a few megabytes.</summary>
    private const long VendorBytes = 64L << 20;

    /// <summary>
    /// The headers with the types from a vendor folder (Vitis's or Catapult's <c>include</c>) instead of HwForge's:
    /// every header file under it, at its path relative to the folder, beside HwForge's own harness header. Null
    /// and a problem when the folder cannot be used.
    /// </summary>
    public static (IReadOnlyList<InputFile>? Files, string? Problem) Headers(string? vendorFolder)
    {
        if (vendorFolder is null) return ([.. Headers()], null);
        if (!Directory.Exists(vendorFolder)) return (null, $"the header folder '{vendorFolder}' does not exist");
        var files = new List<InputFile> { InputFile.FromText("hwforge_csim.h", Header("hwforge_csim.h")) };
        long bytes = 0;
        foreach (var path in Directory.EnumerateFiles(vendorFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(path).ToLowerInvariant() is not (".h" or ".hpp" or ".hh" or ".inc" or ".def" or ".tcc" or ".ipp" or "")) continue;
            var relative = Path.GetRelativePath(vendorFolder, path).Replace('\\', '/');
            if (relative == "hwforge_csim.h") continue;
            bytes += new FileInfo(path).Length;
            if (bytes > VendorBytes) return (null, $"the header folder '{vendorFolder}' holds more than {VendorBytes >> 20} MB of headers");
            files.Add(InputFile.FromPath(relative, path));
        }
        if (!files.Any(f => f.Name is "ap_int.h" or "ap_fixed.h"))
            return (null, $"the header folder '{vendorFolder}' has no ap_int.h or ap_fixed.h at its top");
        return (files, null);
    }

    /// <summary>
    /// The program of one side. <paramref name="exhaustiveBits"/>: enumerate every input when the generated inputs
    /// have at most this many bits in all (0: never); otherwise <paramref name="calls"/> calls, corners first.
    /// </summary>
    public static string Main(IReadOnlyList<SourceFile> sources, KernelSignature signature, int calls, int exhaustiveBits, int seed)
    {
        var s = new StringBuilder();
        s.AppendLine("#include \"hwforge_csim.h\"");
        s.AppendLine("#define main hwforge_user_main");
        foreach (var file in sources.Where(f => IsTranslationUnit(f.Path)))
            s.AppendLine($"#include \"{file.StagedName}\"");
        s.AppendLine("#undef main");
        s.AppendLine();
        var args = signature.Arguments;
        string Declare(KernelArgument a, int i) => $"{a.Type} hwforge_a{i}{string.Concat(a.Dimensions.Select(d => $"[{d}]"))};";

        s.AppendLine("int main() {");
        s.AppendLine("    hwforge_csim::log_file hwforge_log; hwforge_log.open(\"" + LogFile + "\");");
        s.AppendLine("    int hwforge_bits = 0;");
        for (var i = 0; i < args.Count; i++)
        {
            var role = args[i].Role == ArgumentRole.In ? "in" : "inout";
            s.AppendLine($"    {{ {Declare(args[i], i)} hwforge_csim::declare<decltype(hwforge_a{i})>(hwforge_log, \"{role}\", \"{args[i].Name}\", hwforge_bits, true); }}");
        }
        if (signature.ReturnType is { } ret)
            s.AppendLine($"    hwforge_csim::declare<{ret}>(hwforge_log, \"return\", \"return\", hwforge_bits, false);");
        s.AppendLine($"    long hwforge_calls = {calls}; int hwforge_mode = 0;");
        s.AppendLine($"    if (hwforge_bits > 0 && hwforge_bits <= {exhaustiveBits}) {{ hwforge_mode = 1; hwforge_calls = 1L << hwforge_bits; }}");
        s.AppendLine("    std::fprintf(hwforge_log.f, \"M %s %ld\\n\", hwforge_mode ? \"exhaustive\" : \"random\", hwforge_calls);");
        s.AppendLine("    std::fflush(hwforge_log.f);");
        s.AppendLine($"    hwforge_csim::generator hwforge_gen = {{ hwforge_mode, 0, 0, {seed}ull * 0x2545F4914F6CDD1Dull, 0, 0 }};");
        s.AppendLine("    for (long hwforge_k = 0; hwforge_k < hwforge_calls; ++hwforge_k) {");
        s.AppendLine("        hwforge_gen.start(hwforge_k);");
        for (var i = 0; i < args.Count; i++)
            s.AppendLine($"        {Declare(args[i], i)} hwforge_csim::generate(hwforge_a{i}, hwforge_gen);");
        s.AppendLine("        std::fprintf(hwforge_log.f, \"C %ld\\n\", hwforge_k);");
        for (var i = 0; i < args.Count; i++)
            s.AppendLine($"        hwforge_csim::log_value(hwforge_log, 'I', {i}, hwforge_a{i});");
        s.AppendLine("        std::fflush(hwforge_log.f);");
        var call = $"{signature.Name}({string.Join(", ", Enumerable.Range(0, args.Count).Select(i => $"hwforge_a{i}"))})";
        s.AppendLine(signature.ReturnType is { } r ? $"        {r} hwforge_r = {call};" : $"        {call};");
        for (var i = 0; i < args.Count; i++)
            if (args[i].Role == ArgumentRole.InOut)
                s.AppendLine($"        hwforge_csim::log_value(hwforge_log, 'O', {i}, hwforge_a{i});");
        if (signature.ReturnType is not null)
            s.AppendLine("        hwforge_csim::log_value(hwforge_log, 'R', 0, hwforge_r);");
        s.AppendLine("        std::fflush(hwforge_log.f);");
        s.AppendLine("    }");
        s.AppendLine("    std::fprintf(hwforge_log.f, \"E %ld\\n\", hwforge_calls);");
        s.AppendLine("    std::fclose(hwforge_log.f);");
        s.AppendLine("    return 0;");
        s.AppendLine("}");
        return s.ToString();
    }

    /// <summary>Files compiled (included into the one translation unit); the rest (headers) are only staged.</summary>
    public static bool IsTranslationUnit(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".cpp" or ".cc" or ".cxx" or ".c" or ".c++";
}
