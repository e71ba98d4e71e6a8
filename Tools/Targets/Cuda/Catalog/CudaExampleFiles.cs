using System.Reflection;

namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// The files of an example problem (examples/cuda/&lt;problem&gt;/), built into the assembly: the catalog judges its
/// kernels on the example's own problem.yaml and golden.cpp, so the sizes and the golden model are written once.
/// </summary>
internal static class CudaExampleFiles
{
    /// <summary>The problem's problem.yaml, as written in examples/cuda/<paramref name="problem"/>.</summary>
    public static string Problem(string problem) => Read(problem, CudaProblem.FileName);

    /// <summary>The problem's C++ reference, golden.cpp.</summary>
    public static string Golden(string problem) => Read(problem, "golden.cpp");

    private static string Read(string problem, string file)
    {
        // The csproj names them cuda/<problem>/<file>; RecursiveDir keeps the build machine's separator, so both are accepted.
        var assembly = Assembly.GetExecutingAssembly();
        var wanted = $"cuda/{problem}/{file}";
        var name = assembly.GetManifestResourceNames().FirstOrDefault(r => r.Replace('\\', '/') == wanted)
            ?? throw new InvalidOperationException($"examples/cuda/{problem}/{file} was not built into {assembly.GetName().Name}: see EmbeddedResource in its csproj");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
