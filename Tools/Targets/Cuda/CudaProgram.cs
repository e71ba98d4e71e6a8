using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Targets.Cuda;

/// <summary>
/// Writes the verification program of one side: the side's source with a one-line entry trampoline in one
/// translation unit, and the judge's loop (generate inputs, poison outputs, call, log) in another, so that nothing
/// the candidate defines can reach the judge's code. A device side (a .cu candidate, or a .cu reference) runs on the
/// emulation with device buffers; a host side (a C++ reference) gets plain host vectors.
/// </summary>
internal static class CudaProgram
{
    public const string MainFile = "hwforge_cuda_main.cpp";
    public const string EntryFile = "hwforge_cuda_entry.cpp";
    public const string LogFile = "hwforge-cuda.log";
    public static readonly string[] HeaderNames = ["hwforge_cuda.h", "hwforge_cuda_judge.h"];

    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public static string Header(string name) => Loaded.GetOrAdd(name, static file =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Cuda.Include.{file}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the CUDA header {file} is not embedded in the assembly");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    });

    public static IEnumerable<InputFile> Headers() => HeaderNames.Select(n => InputFile.FromText(n, Header(n)));

    /// <summary>The CUDA runtime's header names a kernel may include, each standing for the emulation (or, for clang, nothing).</summary>
    public static IEnumerable<InputFile> RuntimeHeaderStubs(string content = "#pragma once\n#include \"hwforge_cuda.h\"\n") =>
        CudaSource.AllowedIncludes.Where(h => h.EndsWith(".h", StringComparison.Ordinal) && (h.StartsWith("cuda", StringComparison.Ordinal) || h.StartsWith("device_", StringComparison.Ordinal)))
            .Select(h => InputFile.FromText(h, content));

    /// <summary>The translation unit holding the side's source and the trampoline the judge calls.</summary>
    public static string Entry(string stagedSource, string function, CudaProblem problem, bool device)
    {
        var s = new StringBuilder();
        if (device) s.AppendLine("#include \"hwforge_cuda.h\"");
        s.AppendLine("#define main hwforge_user_main");
        s.AppendLine($"#include \"{stagedSource}\"");
        s.AppendLine("#undef main");
        s.AppendLine($"void hwforge_entry(void* const* p, const double* s) {{ {function}({EntryArguments(problem)}); }}");
        return s.ToString();
    }

    /// <summary>A trampoline's call arguments: buffer <c>i</c> from <c>p[i]</c>, scalar <c>i</c> from <c>s[i]</c>, each cast to the entry's type.</summary>
    public static string EntryArguments(CudaProblem problem) =>
        string.Join(", ", problem.Arguments.Select((a, i) => a.IsBuffer ? $"({a.Type}*)p[{i}]" : $"({a.Type})s[{i}]"));

    /// <summary>
    /// The judge's loop: every size × distribution × trial, fresh inputs each time, outputs poisoned. Both builds of a
    /// device side run all of it, the race-detecting one included: a race may need particular inputs to show.
    /// </summary>
    public static string Main(CudaProblem problem, int trials, int seed, bool device)
    {
        var s = new StringBuilder();
        if (device) s.AppendLine("#include \"hwforge_cuda.h\"");
        s.AppendLine("#include \"hwforge_cuda_judge.h\"");
        s.AppendLine("#include <cstring>");
        s.AppendLine("void hwforge_entry(void* const* p, const double* s);");
        s.AppendLine("int main() {");
        s.AppendLine($"    hwforge_judge::log L(\"{LogFile}\");");
        var scalars = problem.Arguments.Where(a => !a.IsBuffer && a.Value is null).ToList();
        foreach (var a in scalars)
            s.AppendLine($"    static const long size_{a.Name}[] = {{ {string.Join(", ", problem.Sizes.Select(z => z[a.Name].ToString(CultureInfo.InvariantCulture)))} }};");
        var distributions = problem.Distributions.Select(d => CudaProblem.AllDistributions.ToList().IndexOf(d)).ToList();
        s.AppendLine($"    static const int distributions[] = {{ {string.Join(", ", distributions)} }};");
        s.AppendLine($"    for (int z = 0; z < {problem.Sizes.Count}; ++z)");
        s.AppendLine($"    for (int dz = 0; dz < {distributions.Count}; ++dz)");
        s.AppendLine($"    for (int t = 0; t < {trials}; ++t) {{");
        s.AppendLine("        int d = distributions[dz];");
        foreach (var a in scalars) s.AppendLine($"        const long {a.Name} = size_{a.Name}[z];");
        s.AppendLine("        L.run(z, d, t);");
        var n = problem.Arguments.Count;
        s.AppendLine($"        void* p[{n}] = {{}}; double s[{n}] = {{}};");
        for (var i = 0; i < n; i++)
        {
            var a = problem.Arguments[i];
            if (!a.IsBuffer)
            {
                var value = a.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : $"(double){a.Name}";
                s.AppendLine($"        s[{i}] = {value};");
                continue;
            }
            s.AppendLine($"        std::vector<{a.Type}> a{i}((size_t)({a.Count}));");
            if (a.Out) s.AppendLine($"        hwforge_judge::poison(a{i});");
            else
            {
                s.AppendLine($"        hwforge_judge::fill(a{i}, hwforge_judge::stream({seed}ull, z, t, d, {i}), d, {Number(problem.Low)}, {Number(problem.High)}, {Number(problem.Large)});");
                s.AppendLine($"        L.input({i}, a{i});");
            }
            s.AppendLine($"        std::vector<{a.Type}> b{i}(a{i});");
        }
        if (device)
        {
            s.AppendLine("        hwforge::errors().failed = 0;");
            for (var i = 0; i < n; i++)
                if (problem.Arguments[i].IsBuffer)
                    s.AppendLine($"        cudaMalloc(&p[{i}], a{i}.size() * sizeof(a{i}[0])); cudaMemcpy(p[{i}], a{i}.data(), a{i}.size() * sizeof(a{i}[0]), cudaMemcpyHostToDevice);");
            s.AppendLine("        hwforge::memory().harness_mode = false;");
            s.AppendLine("        hwforge_entry(p, s);");
            s.AppendLine("        hwforge::memory().harness_mode = true;");
            for (var i = 0; i < n; i++)
                if (problem.Arguments[i].IsBuffer)
                {
                    s.AppendLine($"        hwforge_judge::poison(b{i});");
                    s.AppendLine($"        cudaMemcpy(b{i}.data(), p[{i}], b{i}.size() * sizeof(b{i}[0]), cudaMemcpyDeviceToHost); cudaFree(p[{i}]);");
                }
            s.AppendLine("        if (hwforge::errors().failed) std::fprintf(L.f, \"L %d\\n\", hwforge::errors().failed);");
        }
        else
        {
            for (var i = 0; i < n; i++)
                if (problem.Arguments[i].IsBuffer) s.AppendLine($"        p[{i}] = b{i}.data();");
            s.AppendLine("        hwforge_entry(p, s);");
        }
        for (var i = 0; i < n; i++)
        {
            var a = problem.Arguments[i];
            if (!a.IsBuffer) continue;
            if (a.Out || a.InOut) s.AppendLine($"        L.output({i}, b{i});");
            else s.AppendLine($"        L.changed({i}, a{i}, b{i});");
        }
        s.AppendLine("    }");
        s.AppendLine("    L.end();");
        s.AppendLine("    return 0;");
        s.AppendLine("}");
        return s.ToString();
    }

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
