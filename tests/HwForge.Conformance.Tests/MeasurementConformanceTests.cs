using HwForge.Tools.Targets;
using Xunit.Abstractions;

namespace HwForge.Conformance.Tests;

/// <summary>Every example's reference measured through <see cref="ITarget.MeasureAsync"/>: a figure for each declared objective.</summary>
public sealed class MeasurementConformanceTests(Targets targets, ITestOutputHelper output) : IClassFixture<Targets>
{
    [TargetTheory]
    [MemberData(nameof(Cases.Examples), MemberType = typeof(Cases))]
    public async Task The_reference_is_measured_on_every_objective(string target, string example)
    {
        var on = targets[target];
        var reference = Example.Named(on, example);
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        var measurement = await on.MeasureAsync(reference.Design(reference.ReferenceFile), reference.Hints, TargetJob.Default, limit.Token);

        Assert.True(measurement.Succeeded, $"{target}/{example}: measuring the reference failed: {measurement.Problem}");
        output.WriteLine($"{target}/{example} ({measurement.Basis}): "
            + string.Join(", ", measurement.Metrics.Values.Select(m => $"{m.Key} {m.Value} {measurement.Units.GetValueOrDefault(m.Key, "")}".TrimEnd())));
        Assert.All(on.Objectives, objective =>
            Assert.True(measurement.Metrics[objective] is not null, $"{target}/{example}: no figure for the objective {objective.Name}"));
    }
}
