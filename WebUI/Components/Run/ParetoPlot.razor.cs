using System.Globalization;
using HwForge.WebUI.Rendering;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace HwForge.WebUI.Components.Run;

/// <summary>
/// An inline SVG of the first objective against the second (area against delay for RTL), the frontier points marked
/// and joined: of the proven candidates when any exist, so an unproven design never sits on the frontier beside a
/// proof; otherwise of those with no difference found, labelled plainly as not proven. The axes come from the
/// measurements themselves, so any target plots. With three or more objectives the reader picks the two axes (on a
/// page whose circuit is up; without script the first two are plotted).
/// </summary>
public partial class ParetoPlot
{
    private const int W = 520, H = 300, L = 64, R = 24, T = 16, B = 40;

    [Parameter, EditorRequired] public required IReadOnlyList<CandidateView> Candidates { get; set; }

    private IReadOnlyList<ParetoPoint> _points = [];
    private bool _proven;
    private List<ParetoPoint> _frontier = [];
    private double _minArea, _maxArea, _minDelay, _maxDelay;
    private string _yName = "", _xName = "", _yUnit = "", _xUnit = "";
    private IReadOnlyList<string> _objectives = [];

    // The reader's choice of axes (interactive pages only); kept across the live view's updates.
    private string? _chosenY, _chosenX;

    protected override void OnParametersSet()
    {
        _points = [];
        var measured = Candidates.Where(c => c.Outcome is { Passed: true, Measurement: not null }).ToList();
        _proven = measured.Any(c => c.Outcome!.Verified);
        measured = [.. measured.Where(c => c.Outcome!.Verified == _proven)];
        var first = measured.Select(c => c.Outcome!.Measurement!).FirstOrDefault(m => m.Metrics.Values.Count >= 2);
        if (first is null) return;
        _objectives = [.. first.Metrics.Values.Keys];
        _yName = _chosenY is { } y && _objectives.Contains(y) ? y : _objectives[0];
        _xName = _chosenX is { } x && _objectives.Contains(x) && x != _yName ? x : _objectives.First(o => o != _yName);
        _yUnit = first.Units.GetValueOrDefault(_yName, "");
        _xUnit = first.Units.GetValueOrDefault(_xName, "");
        _points = ParetoPoints.Of(measured
            .Where(c => c.Outcome!.Metrics[_yName] is not null && c.Outcome.Metrics[_xName] is not null)
            .Select(c => (c.Id, c.Outcome!.Metrics[_yName]!.Value, c.Outcome.Metrics[_xName]!.Value)));
        _frontier = [.. _points.Where(p => p.OnFrontier).OrderBy(p => p.X)];
        if (_points.Count == 0) return;
        (_minArea, _maxArea) = Range(_points.Select(p => p.Y));
        (_minDelay, _maxDelay) = Range(_points.Select(p => p.X));
    }

    private void ChooseY(ChangeEventArgs e)
    {
        _chosenX ??= _xName; // the other axis stays as it is
        _chosenY = e.Value as string;
        if (_chosenY == _chosenX) _chosenX = _yName; // swapping the axes, not plotting one against itself
        OnParametersSet();
    }

    private void ChooseX(ChangeEventArgs e)
    {
        _chosenY ??= _yName;
        _chosenX = e.Value as string;
        if (_chosenX == _chosenY) _chosenY = _xName;
        OnParametersSet();
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

    private string FrontierLine => string.Join(' ', _frontier.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X)},{Y(p.Y)}")));

    private string Which => _proven ? "verified (proven) candidates" : "candidates with no difference found, NOT PROVEN";

    private string Description => string.Join("; ", _points.Select(p => $"{p.Id}: {Fmt(p.Y)} {_yUnit} at {Fmt(p.X)} {_xUnit}{(p.OnFrontier ? ", on the frontier" : "")}"));

    private static string Capital(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string Fmt(double v) => v.ToString(v >= 100 ? "0" : "0.###", CultureInfo.InvariantCulture);
}
