using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// The CUDA kernels HwForge can write without a model, one family per example problem (examples/cuda): each
/// family's variants are its search space, and every variant is judged by the CUDA target like any candidate
/// (the CPU emulation, under sanitizers). Nothing here is timed: the variants differ in how they would use a GPU,
/// which this machine cannot measure.
/// </summary>
public static class CudaCatalog
{
    public static IReadOnlyList<ICudaKernelFamily> All { get; } = [new VectorAddKernels(), new SoftmaxRowsKernels(), new GemmKernels(), new RmsNormKernels()];

    public static ICudaKernelFamily? Find(string family) =>
        All.FirstOrDefault(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase));

    /// <summary>The family a request names by one of its keywords, or null (the caller's message names the families).</summary>
    public static ICudaKernelFamily? Match(string request)
    {
        var text = request.ToLowerInvariant();
        return All.FirstOrDefault(f => f.Keywords.Any(k => Regex.IsMatch(text, $@"\b{Regex.Escape(k)}\b")));
    }

    /// <summary>Every variant of a family, the default first.</summary>
    public static IEnumerable<CudaKernel> Variants(ICudaKernelFamily family) => CudaChoices.Space(family).Select(family.Generate);
}
