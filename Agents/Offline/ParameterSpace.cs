using HwForge.Tools.Foundation;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Offline;

/// <summary>
/// The part of a catalog family's values the optimizer may change (its <see cref="ICatalogFamily.Dimensions"/>, each
/// over its finite values), with the request's values held fixed.
/// </summary>
internal sealed class ParameterSpace
{
    /// <param name="pinned">Dimensions the user asked for by name ("2 pipeline stages"): held like the request's other values.</param>
    public ParameterSpace(ICatalogFamily family, IReadOnlyDictionary<string, string> fixedValues, IReadOnlyCollection<string>? pinned = null)
    {
        Family = family;
        Fixed = new SearchPoint(family.Resolve(fixedValues).Values);
        Dimensions = [.. family.Dimensions.Where(d => d.Values.Count > 0 && pinned?.Contains(d.Name) != true)];
    }

    public ICatalogFamily Family { get; }

    /// <summary>Every value resolved: the request's and the defaults.</summary>
    public SearchPoint Fixed { get; }

    public IReadOnlyList<CatalogDimension> Dimensions { get; }

    /// <summary>How many points there are, valid or not.</summary>
    public long Size => Dimensions.Aggregate(1L, (n, d) => n * d.Values.Count);

    /// <summary>The point as value indices, one per dimension.</summary>
    public SearchPoint At(IReadOnlyList<int> indices)
    {
        var point = Fixed;
        for (var d = 0; d < Dimensions.Count; d++) point = point.With(Dimensions[d].Name, Dimensions[d].Values[indices[d]]);
        return point;
    }

    public int[] IndicesOf(SearchPoint point) =>
        [.. Dimensions.Select(d => Math.Max(0, IndexOf(d, point.Has(d.Name) ? point.Text(d.Name) : d.Values[0])))];

    /// <summary>Every point, in a fixed order; for exhaustive sweeps of small spaces.</summary>
    public IEnumerable<SearchPoint> All()
    {
        var indices = new int[Dimensions.Count];
        for (var n = 0L; n < Size; n++)
        {
            yield return At(indices);
            for (var d = Dimensions.Count - 1; d >= 0; d--)
            {
                if (++indices[d] < Dimensions[d].Values.Count) break;
                indices[d] = 0;
            }
        }
    }

    /// <summary>The design for a point, or null when the family rejects that combination (an RTL family throws an
    /// <see cref="ArgumentException"/> for one, an HLS or CUDA family a <see cref="HwForgeException"/> of invalid input).</summary>
    public CatalogDesign? TryGenerate(SearchPoint point)
    {
        try
        {
            return Family.Generate(point.Values);
        }
        catch (Exception e) when (e is ArgumentException or HwForgeException { Kind: ProblemKind.InvalidInput })
        {
            return null;
        }
    }

    private static int IndexOf(CatalogDimension dimension, string value) =>
        dimension.Values.ToList().FindIndex(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
}
