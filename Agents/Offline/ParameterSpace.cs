using HwForge.Tools.Targets.Rtl.Catalog;

namespace HwForge.Agents.Offline;

/// <summary>
/// The part of a generator's parameters the optimizer may change (the architecture parameters, each over its
/// finite search domain), with the request's function parameters held fixed.
/// </summary>
internal sealed class ParameterSpace
{
    /// <param name="pinned">Architecture parameters the user asked for by name ("2 pipeline stages"): held like function ones.</param>
    public ParameterSpace(IKernelGenerator generator, KernelParameters fixedParameters, IReadOnlyCollection<string>? pinned = null)
    {
        Generator = generator;
        Fixed = KernelParameters.Resolve(generator, fixedParameters);
        Dimensions = generator.Parameters
            .Where(p => p.Role == ParameterRole.Architecture && p.SearchDomain.Count > 0 && pinned?.Contains(p.Name) != true).ToList();
    }

    public IKernelGenerator Generator { get; }

    /// <summary>Every parameter resolved: the request's values and the defaults.</summary>
    public KernelParameters Fixed { get; }

    public IReadOnlyList<ParameterSpec> Dimensions { get; }

    /// <summary>How many points there are, valid or not.</summary>
    public long Size => Dimensions.Aggregate(1L, (n, d) => n * d.SearchDomain.Count);

    /// <summary>The point as domain indices, one per dimension.</summary>
    public KernelParameters At(IReadOnlyList<int> indices)
    {
        var point = Fixed;
        for (var d = 0; d < Dimensions.Count; d++) point = point.With(Dimensions[d].Name, Dimensions[d].SearchDomain[indices[d]]);
        return point;
    }

    public int[] IndicesOf(KernelParameters point) =>
        [.. Dimensions.Select(d => Math.Max(0, IndexOf(d, point.Has(d.Name) ? point.Text(d.Name) : d.Default)))];

    /// <summary>Every point, in a fixed order; for exhaustive sweeps of small spaces.</summary>
    public IEnumerable<KernelParameters> All()
    {
        var indices = new int[Dimensions.Count];
        for (var n = 0L; n < Size; n++)
        {
            yield return At(indices);
            for (var d = Dimensions.Count - 1; d >= 0; d--)
            {
                if (++indices[d] < Dimensions[d].SearchDomain.Count) break;
                indices[d] = 0;
            }
        }
    }

    /// <summary>The generated design for a point, or null when the generator rejects that combination.</summary>
    public GeneratedDesign? TryGenerate(KernelParameters point)
    {
        try
        {
            return Generator.Generate(point);
        }
        catch (CatalogParameterException)
        {
            return null;
        }
    }

    private static int IndexOf(ParameterSpec dimension, string value) =>
        dimension.SearchDomain.ToList().FindIndex(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}
