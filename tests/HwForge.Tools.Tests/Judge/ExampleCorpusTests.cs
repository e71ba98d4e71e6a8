using HwForge.Tools.Targets;
using Xunit.Abstractions;

namespace HwForge.Tools.Tests.Judge;

/// <summary>The judge on the shipped corpus: no false passes, no false failures, and how much formal adds.</summary>
public sealed class ExampleCorpusTests(ExampleCorpus corpus, ITestOutputHelper output) : IClassFixture<ExampleCorpus>
{
    [Fact]
    public void The_corpus_has_at_least_twenty_designs_of_every_kind_each_with_five_faults_and_an_equivalent()
    {
        var designs = corpus.Results.GroupBy(r => r.Design).ToList();
        Assert.True(designs.Count >= 20, $"{designs.Count} designs");
        Assert.All(designs, d => Assert.True(d.Count(r => !r.ShouldPass) >= 5, $"{d.Key} has fewer than 5 faults"));
        Assert.All(designs, d => Assert.True(d.Count(r => r.ShouldPass && r.Variant != "ref.v") >= 1, $"{d.Key} has no equivalent"));
        var kinds = corpus.Results.Select(r => r.Kind).ToHashSet();
        foreach (var kind in new[] { "combinational", "sequential", "fsm", "pipelined", "memory", "systolic" })
            Assert.Contains(kind, kinds);
    }

    [Fact]
    public void Every_reference_and_every_equivalent_version_passes()
    {
        var wrong = corpus.Results.Where(r => r.ShouldPass && !r.Correct).ToList();
        Assert.True(wrong.Count == 0, "false failures:\n" + string.Join("\n", wrong.Select(r => $"{r.Design}/{r.Variant}: {r.Report.Summary}")));
    }

    [Fact]
    public void At_least_98_percent_of_faulty_variants_fail_and_the_share_only_formal_caught_is_reported()
    {
        var faults = corpus.Results.Where(r => !r.ShouldPass).ToList();
        var caught = faults.Count(r => r.Correct);
        var formalOnly = faults.Count(r => r.CaughtOnlyByFormal);
        output.WriteLine($"{caught}/{faults.Count} faulty variants failed ({100.0 * caught / faults.Count:0.0}%); " +
                         $"{formalOnly} ({100.0 * formalOnly / faults.Count:0.0}%) were caught only by the formal check");
        foreach (var missed in faults.Where(r => !r.Correct))
            output.WriteLine($"MISSED {missed.Design}/{missed.Variant}: {missed.Report.Verdict} {missed.Report.Summary}");
        foreach (var group in faults.Where(r => r.Correct).GroupBy(r => r.Report.FailureClass).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {group.Key}: {group.Count()}");
        Assert.True(caught >= faults.Count * 0.98, $"only {caught} of {faults.Count} faulty variants failed");
    }

    [Fact]
    public void No_faulty_variant_ever_passes_by_error()
    {
        // An infrastructure error is not a pass, but it would hide a verdict: there must be none.
        var errors = corpus.Results.Where(r => r.Report.Verdict == Verdict.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(r => $"{r.Design}/{r.Variant}: {r.Report.Summary}")));
    }
}
