using HwForge.Agents.Offline;
using HwForge.Agents.Runs;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>
/// Each target hands out its own offline catalog (<see cref="ITarget.Catalog"/>): the one strategy designs from the
/// run's target's catalog, and the CLI's early refusal reads the same one, so a request is refused in the words of
/// the catalog that would have served it, never another target's.
/// </summary>
public sealed class TargetCatalogTests : IDisposable
{
    private readonly AgentTestHost _host = new();

    [Fact]
    public void Every_shipped_target_hands_out_its_own_catalog_the_one_the_early_refusal_reads()
    {
        var targets = TargetRegistry.Create(_host.Host, _host.Versions).All;

        Assert.All(targets, t => Assert.Same(TargetRegistry.ShippedCatalog(t.Name), Assert.IsAssignableFrom<IOfflineCatalog>(t.Catalog)));
        Assert.Equal(targets.Count, targets.Select(t => t.Catalog).Distinct().Count());
        Assert.Equal(["adder", "multiplier", "mac"], TargetRegistry.ShippedCatalog("rtl")!.Families.Select(f => f.Name).Take(3));
        Assert.Contains("softmax_row", TargetRegistry.ShippedCatalog("hls")!.Families.Select(f => f.Name));
        Assert.Contains("vector_add", TargetRegistry.ShippedCatalog("cuda")!.Families.Select(f => f.Name));
    }

    [Theory]
    [InlineData("hls", "a FIFO of 16 entries", "the offline HLS catalog holds fir, gemm_tile, softmax_row")]
    [InlineData("cuda", "a 16-bit ripple-carry adder", "the offline CUDA catalog holds ")]
    [InlineData("rtl", "a softmax over a row", "is outside the offline catalog")]
    public void A_request_a_targets_catalog_lacks_is_refused_early_in_that_catalogs_words(string target, string request, string words)
    {
        var error = Assert.Throws<OfflineCatalogException>(() => DesignStrategies.CheckOffline(new RunOptions { Request = request, Target = target, Mode = DesignMode.Offline }));

        Assert.Contains(words, error.Message);
        Assert.Contains("HWFORGE_LLM_ENDPOINT", error.Message);
        if (target != "rtl") Assert.DoesNotContain("counter", error.Message); // no RTL family is offered for an HLS or CUDA run
    }

    [Theory]
    [InlineData("hls", "a FIFO of 16 entries", "HLS catalog holds fir")]
    [InlineData("cuda", "a 16-bit ripple-carry adder", "CUDA catalog holds ")]
    public async Task The_one_offline_strategy_refuses_a_run_in_its_targets_words_not_the_rtl_catalogs(string target, string request, string words)
    {
        await using var run = _host.NewRun(new RunOptions { Request = request, Target = target, Mode = DesignMode.Offline });

        var error = await Assert.ThrowsAsync<OfflineCatalogException>(() => _host.Runner.RunAsync(run, new OfflineCatalogStrategy(), default));

        Assert.Contains(words, error.Message);
        Assert.DoesNotContain("rtl designs only", error.Message);
    }

    [Fact]
    public void A_target_without_a_catalog_is_refused_naming_it()
    {
        var error = Assert.Throws<OfflineCatalogException>(() => OfflineCatalogStrategy.Check(new RunOptions { Request = "anything", Target = "calc" }, catalog: null));

        Assert.StartsWith("the calc target has no offline catalog", error.Message);
        Assert.Contains("HWFORGE_LLM_ENDPOINT", error.Message);
    }

    [Fact]
    public void A_strategy_says_which_targets_catalog_it_uses()
    {
        Assert.Equal("the offline HLS catalog (no LLM)", DesignStrategies.For(new RunOptions { Request = "a FIR filter", Target = "hls", Mode = DesignMode.Offline }, new(), _host.Host, _host.Versions, null).Description);
        Assert.Equal("the offline catalog (no LLM)", DesignStrategies.For(new RunOptions { Request = "an adder", Mode = DesignMode.Offline }, new(), _host.Host, _host.Versions, null).Description);
    }

    public void Dispose() => _host.Dispose();
}
