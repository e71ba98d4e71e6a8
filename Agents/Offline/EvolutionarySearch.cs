using HwForge.Tools.Targets;

namespace HwForge.Agents.Offline;

/// <summary>A point the search has seen, the reward the judge gave it, and whether it passed at all.</summary>
internal sealed record SearchObservation(SearchPoint Point, double Reward, bool Passed);

/// <summary>
/// A small (μ+λ) evolutionary search over a <see cref="ParameterSpace"/>, steered by the judge's reward.
/// It keeps no state of its own: each batch is computed from the observations so far and a seed, so a
/// resumed run proposes exactly what the killed one would have. Parents are the best passing points by
/// reward, so proven ones first (tournament of two); children change one or two parameters (numeric ones mostly to a neighbouring value)
/// or mix two parents. When fewer unseen points remain than a batch, it simply proposes them all.
/// </summary>
internal sealed class EvolutionarySearch(ParameterSpace space, int seed)
{
    public ParameterSpace Space => space;

    private const int Elite = 4;
    private const int Attempts = 200;

    public IReadOnlyList<SearchPoint> NextBatch(IReadOnlyList<SearchObservation> seen, int batch, int round)
    {
        var taken = seen.Select(s => s.Point.ToString()).ToHashSet(StringComparer.Ordinal);
        var random = new Random(HashCode.Combine(seed, round, seen.Count));
        if (space.Size <= 4096)
        {
            var unseen = space.All().Where(p => !taken.Contains(p.ToString())).ToList();
            if (unseen.Count <= batch) return [.. unseen.Where(p => space.TryGenerate(p) is not null)];
        }

        var parents = seen.Where(s => s.Passed).OrderByDescending(s => s.Reward).Take(Elite).ToList();
        var children = new List<SearchPoint>();
        for (var attempt = 0; attempt < Attempts && children.Count < batch; attempt++)
        {
            var child = parents.Count == 0 ? RandomPoint(random) : Child(parents, random);
            if (!taken.Add(child.ToString())) continue;
            if (space.TryGenerate(child) is null) continue; // an invalid combination costs no evaluation
            children.Add(child);
        }
        return children;
    }

    /// <summary>The first candidates: the family's defaults, then points spread over the space.</summary>
    public IReadOnlyList<SearchPoint> InitialBatch(int count)
    {
        var points = new List<SearchPoint> { space.Fixed };
        var taken = new HashSet<string>(StringComparer.Ordinal) { space.Fixed.ToString() };
        var random = new Random(seed);
        // One dimension at a time through its values gives a spread a user can read ("ripple, then Kogge-Stone...").
        foreach (var dimension in space.Dimensions)
        {
            foreach (var value in dimension.Values)
            {
                if (points.Count >= count) return points;
                var point = space.Fixed.With(dimension.Name, value);
                if (taken.Add(point.ToString()) && space.TryGenerate(point) is not null) points.Add(point);
            }
        }
        for (var attempt = 0; attempt < Attempts && points.Count < count; attempt++)
        {
            var point = RandomPoint(random);
            if (taken.Add(point.ToString()) && space.TryGenerate(point) is not null) points.Add(point);
        }
        return points;
    }

    private SearchPoint Child(IReadOnlyList<SearchObservation> parents, Random random)
    {
        var first = Tournament(parents, random);
        if (parents.Count > 1 && random.NextDouble() < 0.3)
        {
            var second = Tournament(parents, random);
            var a = space.IndicesOf(first.Point);
            var b = space.IndicesOf(second.Point);
            return space.At([.. a.Select((v, i) => random.Next(2) == 0 ? v : b[i])]);
        }
        var indices = space.IndicesOf(first.Point);
        var changes = random.NextDouble() < 0.3 ? 2 : 1;
        for (var c = 0; c < changes && space.Dimensions.Count > 0; c++)
        {
            var d = random.Next(space.Dimensions.Count);
            indices[d] = Mutate(space.Dimensions[d], indices[d], random);
        }
        return space.At(indices);
    }

    private static SearchObservation Tournament(IReadOnlyList<SearchObservation> parents, Random random)
    {
        var a = parents[random.Next(parents.Count)];
        var b = parents[random.Next(parents.Count)];
        return a.Reward >= b.Reward ? a : b;
    }

    // Pipeline stages, parallelism or tile sizes are ordered: a neighbour is usually the better guess than a jump.
    private static int Mutate(CatalogDimension dimension, int index, Random random)
    {
        var count = dimension.Values.Count;
        if (count < 2) return index;
        if (dimension.Ordered && random.NextDouble() < 0.7)
            return Math.Clamp(index + (random.Next(2) == 0 ? -1 : 1), 0, count - 1);
        var next = random.Next(count - 1);
        return next >= index ? next + 1 : next;
    }

    private SearchPoint RandomPoint(Random random) => space.At([.. space.Dimensions.Select(d => random.Next(d.Values.Count))]);
}
