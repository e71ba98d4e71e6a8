namespace HwForge.WebUI.Rendering;

/// <summary>A candidate on the area/delay plane (the plot decides which candidates it shows).</summary>
public sealed record ParetoPoint(string Id, double Area, double Delay, bool OnFrontier);

public static class ParetoPoints
{
    /// <summary>
    /// Marks the points no other point beats on both area and delay (at least as good on both, better on one).
    /// The report's frontier also weighs power; the plot shows the two axes it draws, so it computes its own.
    /// </summary>
    public static IReadOnlyList<ParetoPoint> Of(IEnumerable<(string Id, double Area, double Delay)> points)
    {
        var all = points.ToList();
        return [.. all.Select(p => new ParetoPoint(p.Id, p.Area, p.Delay,
            !all.Any(q => q.Area <= p.Area && q.Delay <= p.Delay && (q.Area < p.Area || q.Delay < p.Delay))))];
    }
}
