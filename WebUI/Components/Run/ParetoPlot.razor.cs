using System.Globalization;
using HwForge.WebUI.Rendering;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;

namespace HwForge.WebUI.Components.Run;

/// <summary>
/// An inline SVG of area against delay, the frontier points marked and joined: of the proven candidates when any
/// exist, so an unproven design never sits on the frontier beside a proof; otherwise of those with no difference
/// found, labelled plainly as not proven.
/// </summary>
public partial class ParetoPlot
{
    private const int W = 520, H = 300, L = 64, R = 24, T = 16, B = 40;

    [Parameter, EditorRequired] public required IReadOnlyList<CandidateView> Candidates { get; set; }

    private IReadOnlyList<ParetoPoint> _points = [];
    private bool _proven;
    private List<ParetoPoint> _frontier = [];
    private double _minArea, _maxArea, _minDelay, _maxDelay;

    protected override void OnParametersSet()
    {
        var measured = Candidates.Where(c => c.Outcome is { Passed: true, Ppa: { AreaUm2: not null, CriticalPathNs: not null } }).ToList();
        _proven = measured.Any(c => c.Outcome!.Verified);
        _points = ParetoPoints.Of(measured
            .Where(c => c.Outcome!.Verified == _proven)
            .Select(c => (c.Id, c.Outcome!.Ppa!.AreaUm2!.Value, c.Outcome.Ppa.CriticalPathNs!.Value)));
        _frontier = [.. _points.Where(p => p.OnFrontier).OrderBy(p => p.Delay)];
        if (_points.Count == 0) return;
        (_minArea, _maxArea) = Range(_points.Select(p => p.Area));
        (_minDelay, _maxDelay) = Range(_points.Select(p => p.Delay));
    }

    // A little margin around the points, and a span even when all points share a value.
    private static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var list = values.ToList();
        double min = list.Min(), max = list.Max();
        var pad = Math.Max((max - min) * 0.1, Math.Abs(max) * 0.05 + 1e-9);
        return (Math.Max(0, min - pad), max + pad);
    }

    private double X(double delay) => Math.Round(L + (delay - _minDelay) / (_maxDelay - _minDelay) * (W - L - R), 1);

    private double Y(double area) => Math.Round(H - B - (area - _minArea) / (_maxArea - _minArea) * (H - T - B), 1);

    private string FrontierLine => string.Join(' ', _frontier.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Delay)},{Y(p.Area)}")));

    private string Which => _proven ? "verified (proven) candidates" : "candidates with no difference found, NOT PROVEN";

    private string Description => string.Join("; ", _points.Select(p => $"{p.Id}: {Fmt(p.Area)} µm² at {Fmt(p.Delay)} ns{(p.OnFrontier ? ", on the frontier" : "")}"));

    private static string Fmt(double v) => v.ToString(v >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
}
