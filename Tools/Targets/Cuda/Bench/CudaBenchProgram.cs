using System.Globalization;
using System.Text;

namespace HwForge.Tools.Targets.Cuda.Bench;

/// <summary>
/// The sources of a bench runner: each side's source in a namespace of its own with a one-line entry trampoline (so
/// a candidate and a baseline that name their kernels alike link into one program), and the main that fills the
/// problem's table and hands it to <c>hwforge_cuda_bench.h</c>. The candidate's code is in none of the harness's
/// translation units.
/// </summary>
internal static class CudaBenchProgram
{
    public const string Harness = "hwforge_cuda_bench.h";
    public const string MainFile = "hwforge_bench_main.cu";
    public const string KernelSide = "kernel";
    public const string BaselineSide = "baseline";

    public static string SideFile(string side) => $"hwforge_bench_{side}.cu";

    public static string SourceFile(string side) => $"{side}.cu";

    /// <summary>The side's translation unit: the allowed headers first, at global scope, so the source's own includes of them are no-ops inside the namespace.</summary>
    public static string Side(string side, CudaProblem problem)
    {
        var s = new StringBuilder();
        foreach (var header in CudaSource.AllowedIncludes) s.AppendLine($"#include <{header}>");
        s.AppendLine($"namespace hwforge_{side}_side {{");
        s.AppendLine($"#include \"{SourceFile(side)}\"");
        s.AppendLine("}");
        s.AppendLine($"void hwforge_{side}_entry(void* const* p, const double* s) {{ hwforge_{side}_side::{problem.Entry}({CudaProgram.EntryArguments(problem)}); }}");
        return s.ToString();
    }

    /// <summary>The runner's main over <paramref name="sizes"/> (each a value for every size argument).</summary>
    public static string Main(CudaProblem problem, IReadOnlyList<IReadOnlyDictionary<string, long>> sizes, int seed)
    {
        var s = new StringBuilder();
        s.AppendLine($"#include \"{Harness}\"");
        s.AppendLine($"void hwforge_{KernelSide}_entry(void* const* p, const double* s);");
        s.AppendLine($"void hwforge_{BaselineSide}_entry(void* const* p, const double* s);");
        s.AppendLine("int main(int argc, char** argv) {");
        s.AppendLine("    hwforge_bench::session S(argc, argv);");
        s.AppendLine($"    const hwforge_bench::problem P{{{seed}ull, {Number(problem.Low)}, {Number(problem.High)}, {Number(problem.Large)}, {Number(problem.AbsoluteTolerance)}, {Number(problem.RelativeTolerance)}}};");
        var scalars = problem.Arguments.Where(a => !a.IsBuffer && a.Value is null).ToList();
        foreach (var a in scalars)
            s.AppendLine($"    static const long size_{a.Name}[] = {{ {string.Join(", ", sizes.Select(z => z[a.Name].ToString(CultureInfo.InvariantCulture)))} }};");
        s.AppendLine($"    static const char* const labels[] = {{ {string.Join(", ", sizes.Select(z => $"\"{Label(problem, z)}\""))} }};");
        s.AppendLine($"    for (int z = 0; z < {sizes.Count}; ++z) {{");
        foreach (var a in scalars) s.AppendLine($"        const long {a.Name} = size_{a.Name}[z]; (void){a.Name};");
        s.AppendLine("        std::vector<hwforge_bench::argument> args = {");
        foreach (var a in problem.Arguments)
        {
            var value = a.IsBuffer ? "0" : a.Value is { } v ? Number(v) : $"(double){a.Name}";
            var count = a.IsBuffer ? $"(size_t)({a.Count})" : "0";
            s.AppendLine($"            {{\"{a.Name}\", hwforge_bench::{Code(a.Type)}, {Bool(a.IsBuffer)}, {Bool(a.Out)}, {Bool(a.InOut)}, {value}, {count}}},");
        }
        s.AppendLine("        };");
        s.AppendLine($"        S.size(z, labels[z], args, P, hwforge_{KernelSide}_entry, hwforge_{BaselineSide}_entry);");
        s.AppendLine("    }");
        s.AppendLine("    return S.end();");
        s.AppendLine("}");
        return s.ToString();
    }

    /// <summary>"M=33, N=47": a size as every report says it.</summary>
    public static string Label(CudaProblem problem, IReadOnlyDictionary<string, long> size) =>
        string.Join(", ", problem.Arguments.Where(a => !a.IsBuffer && a.Value is null).Select(a => $"{a.Name}={size[a.Name].ToString(CultureInfo.InvariantCulture)}"));

    private static string Code(string type) => type switch
    {
        "float" => "f32",
        "double" => "f64",
        "int" => "i32",
        "unsigned" => "u32",
        "unsigned char" => "u8",
        _ => throw new ArgumentException($"no bench type for {type}"),
    };

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Number(double value) => CudaProgram.Number(value);
}
