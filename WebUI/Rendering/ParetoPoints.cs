namespace HwForge.WebUI.Rendering;

/// <summary>A candidate (the plot decides which it shows) on the plane of two objectives: <see cref="Y"/> up, <see cref="X"/> across (area and delay for RTL).</summary>
public sealed record ParetoPoint(string Id, double Y, double X, bool OnFrontier);

public static class ParetoPoints
{
    /// <summary>
    /// Marks the points no other point beats on both axes (at least as good on both, better on one; lower is better).
    /// The report's frontier weighs every objective; the plot shows the two axes it draws, so it computes its own.
    /// </summary>
    public static IReadOnlyList<ParetoPoint> Of(IEnumerable<(string Id, double Y, double X)> points)
    {
        var all = points.ToList();
        return [.. all.Select(p => new ParetoPoint(p.Id, p.Y, p.X,
            !all.Any(q => q.Y <= p.Y && q.X <= p.X && (q.Y < p.Y || q.X < p.X))))];
    }
}
