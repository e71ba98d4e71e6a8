using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Cuda.Catalog;

/// <summary>
/// One generated CUDA kernel: the <c>.cu</c> source (kernels and the host entry <c>solve</c>) for one choice of a
/// family's variants, with the family's problem (problem.yaml) and C++ reference it is judged against, both the
/// example's own files (<see cref="CudaExampleFiles"/>).
/// </summary>
public sealed record CudaKernel(string Family, string Description, IReadOnlyDictionary<string, string> Choices, string Kernel,
    string Problem, string Reference)
{
    /// <summary>A stable id for reports: <c>gemm(kernel=tiled,tile=16)</c>.</summary>
    public string Id => $"{Family}({string.Join(",", Choices.Select(c => $"{c.Key}={c.Value}"))})";

    /// <summary>
    /// The design as the CUDA target reads it: kernel.cu, with the problem it solves beside it, so a measurement
    /// (which is given the design alone) can say what the problem's roofline is (<see cref="CudaRoofline"/>).
    /// </summary>
    public DesignArtifact Design => new(CudaTarget.TargetName, "solve",
        [SourceLoader.FromText("kernel.cu", Kernel), SourceLoader.FromText(CudaProblem.FileName, Problem)]);

    /// <summary>The reference as the CUDA target reads it: the C++ function and the problem.</summary>
    public DesignReference ReferenceDesign => DesignReference.Of(new DesignArtifact(CudaTarget.TargetName, "solve_ref",
        [SourceLoader.FromText("golden.cpp", Reference), SourceLoader.FromText(CudaProblem.FileName, Problem)]));

    /// <summary>A variant of <paramref name="family"/>, judged on the family's example problem.</summary>
    internal static CudaKernel Of(ICudaKernelFamily family, string description, IReadOnlyDictionary<string, string> choices, string kernel) =>
        new(family.Family, description, choices, kernel + "\n", CudaExampleFiles.Problem(family.Example), CudaExampleFiles.Golden(family.Example));
}

/// <summary>A choice of a family: its name, its values (the search space), the first the default.</summary>
public sealed record CudaChoice(string Name, string Description, IReadOnlyList<string> Values);

/// <summary>
/// A family of CUDA kernels for one problem: every variant (a different parallelisation, tile or vector width)
/// computes the same function, so each is judged against the one reference on the one problem.
/// </summary>
public interface ICudaKernelFamily
{
    string Family { get; }

    /// <summary>The example problem whose problem.yaml and golden.cpp it is judged on (examples/cuda/&lt;Example&gt;).</summary>
    string Example { get; }

    string Summary { get; }

    /// <summary>Words a request uses for this family ("softmax").</summary>
    IReadOnlyList<string> Keywords { get; }

    IReadOnlyList<CudaChoice> Choices { get; }

    /// <summary>The kernel for these choices; a choice not given takes its default (its first value).</summary>
    CudaKernel Generate(IReadOnlyDictionary<string, string> choices);
}

/// <summary>Reading a family's choices: the value given, or the default, refused when not one of the values.</summary>
internal static class CudaChoices
{
    public static IReadOnlyDictionary<string, string> Resolved(ICudaKernelFamily family, IReadOnlyDictionary<string, string> given)
    {
        foreach (var name in given.Keys)
            if (family.Choices.All(c => c.Name != name))
                throw new HwForgeException(ProblemKind.InvalidInput, $"{family.Family} has no choice '{name}'; its choices are {string.Join(", ", family.Choices.Select(c => c.Name))}");
        return family.Choices.ToDictionary(c => c.Name, c =>
        {
            if (!given.TryGetValue(c.Name, out var value)) return c.Values[0];
            return c.Values.Contains(value)
                ? value
                : throw new HwForgeException(ProblemKind.InvalidInput, $"{family.Family}: {c.Name}={value} is not a choice; {c.Name} is one of {string.Join(", ", c.Values)}");
        });
    }

    /// <summary>Every combination of the family's choices, the defaults first.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Space(ICudaKernelFamily family)
    {
        IEnumerable<Dictionary<string, string>> points = [new()];
        foreach (var choice in family.Choices)
            points = points.SelectMany(p => choice.Values.Select(v => new Dictionary<string, string>(p) { [choice.Name] = v }));
        return points;
    }
}
