// HwForge.Conformance.Tests: every target × every example, through the same calls.
//
// In the shape of ggml's test-backend-ops: each target that TargetRegistry ships is taken with every example folder
// under examples/<target.Name>/, and only ITarget is called. The reference verified against itself and every
// equivalent version must pass and say their assurance; every fault must fail (never pass at any assurance); and
// MeasureAsync on the reference must succeed with a figure for each objective the target declares. A new target
// (HLS, CUDA) gets these checks by adding its registry line and its examples folder; nothing here changes.
// A target whose tools are not installed has its cases reported skipped, each by name.
// The default run takes the first listed fault of each example; HWFORGE_CONFORMANCE=all takes every fault
// (figures in docs/BENCHMARKS.md, "Conformance").

using HwForge.Tools.Targets;
using Xunit.Abstractions;

namespace HwForge.Conformance.Tests;

public sealed class TargetConformanceTests(Targets targets, ITestOutputHelper output) : IClassFixture<Targets>
{
    [Fact]
    public void Every_target_has_examples_to_be_checked_on()
    {
        Assert.All(targets.Registry.All, target =>
            Assert.True(Example.Of(target).Count > 0, $"target {target.Name} has no examples: add them under examples/{target.Name}/"));
    }

    [TargetTheory]
    [MemberData(nameof(Cases.Examples), MemberType = typeof(Cases))]
    public async Task The_reference_matches_itself(string target, string example)
    {
        var (on, reference) = Load(target, example);

        var verdict = await VerifyAsync(on, reference, reference.ReferenceFile);

        AssertPasses(verdict, $"{target}/{example}: the reference against itself");
    }

    [TargetTheory]
    [MemberData(nameof(Cases.Equivalents), MemberType = typeof(Cases))]
    public async Task An_equivalent_version_passes(string target, string example, string variant)
    {
        var (on, reference) = Load(target, example);

        var verdict = await VerifyAsync(on, reference, variant);

        AssertPasses(verdict, $"{target}/{example}/{variant}");
    }

    [TargetTheory]
    [MemberData(nameof(Cases.Faults), MemberType = typeof(Cases))]
    public async Task A_faulty_version_fails(string target, string example, string variant)
    {
        var (on, reference) = Load(target, example);

        var verdict = await VerifyAsync(on, reference, variant);

        output.WriteLine($"{target}/{example}/{variant} ({reference.MistakeOf(variant)}): {verdict.Verdict}, decided by {verdict.DecidedBy}: {verdict.Summary}");
        Assert.False(verdict.Passed, $"{target}/{example}/{variant} makes a mistake ({reference.MistakeOf(variant)}) but passed, {verdict.Assurance}: {verdict.Shown}");
        Assert.True(verdict.Verdict == Verdict.Fail, $"{target}/{example}/{variant} should fail as not equivalent, but: {verdict.Verdict}, {verdict.Summary}");
        Assert.Equal(Assurance.None, verdict.Assurance);
    }

    private (ITarget Target, Example Example) Load(string target, string example)
    {
        var on = targets[target];
        return (on, Example.Named(on, example));
    }

    private static async Task<TargetVerdict> VerifyAsync(ITarget target, Example example, string file)
    {
        // A verification that hangs fails this case rather than the whole run.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await target.VerifyAsync(example.Design(file), example.Reference, example.Hints, TargetJob.Default, limit.Token);
    }

    private void AssertPasses(TargetVerdict verdict, string what)
    {
        output.WriteLine($"{what}: {verdict.Verdict}, {verdict.Assurance}: {verdict.Shown}");
        Assert.True(verdict.Passed, $"{what} should pass, but: {verdict.Verdict} ({verdict.FailureClass}), {verdict.Summary}");
        Assert.NotEqual(Assurance.None, verdict.Assurance);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Shown), $"{what} passed without saying what was shown");
    }
}
