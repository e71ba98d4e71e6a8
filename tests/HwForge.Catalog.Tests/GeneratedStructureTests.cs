using System.Text.RegularExpressions;

namespace HwForge.Catalog.Tests;

/// <summary>Each architecture is the circuit it claims to be, not the reference's one-line operator under another name.</summary>
public sealed class GeneratedStructureTests
{
    /// <summary>The Verilog without its comments.</summary>
    private static string Code(string verilog) => Regex.Replace(verilog, @"//[^\n]*", "");

    private static GeneratedDesign Generate(string family, params (string, object)[] values) => KernelCatalog.Generate(family, KernelParameters.Of(values));

    [Theory]
    [InlineData("ripple")]
    [InlineData("carry_lookahead")]
    [InlineData("kogge_stone")]
    [InlineData("brent_kung")]
    public void An_adder_writes_its_carries_out_gate_by_gate(string architecture)
    {
        var design = Generate("adder", ("width", 16), ("architecture", architecture));
        Assert.Contains("generate", design.Verilog);
        Assert.DoesNotMatch(@"\ba\s*\+\s*b\b", Code(design.Verilog));
        Assert.Matches(@"\ba\s*\+\s*b\b", design.ReferenceVerilog);
    }

    [Fact]
    public void A_kogge_stone_tree_has_log2_levels_and_brent_kung_about_twice_as_many()
    {
        Assert.Contains("localparam LEVELS = 5;", Generate("adder", ("width", 32), ("architecture", "kogge_stone")).Verilog);
        Assert.Contains("localparam STAGES = 9;", Generate("adder", ("width", 32), ("architecture", "brent_kung")).Verilog);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("booth_radix4")]
    [InlineData("wallace")]
    [InlineData("dadda")]
    public void A_multiplier_compresses_with_full_and_half_adders_and_never_multiplies_with_the_operator(string architecture)
    {
        var design = Generate("multiplier", ("width", 8), ("signed", true), ("architecture", architecture));
        const string product = @"\b[xyab]\)?\s*\*\s*(\$signed\()?[xyab]\b"; // index arithmetic (2 * k) is not a product
        Assert.DoesNotMatch(product, Code(design.Verilog));
        Assert.Matches(product, Code(design.ReferenceVerilog));
        Assert.True(Regex.Matches(design.Verilog, @"_fa fa\d+ ").Count > 10 || Regex.IsMatch(design.Verilog, @"_fa fa \("), "no full-adder instances");
    }

    [Fact]
    public void A_booth_multiplier_recodes_into_half_as_many_rows()
    {
        var design = Generate("multiplier", ("width", 8), ("signed", true), ("architecture", "booth_radix4"));
        Assert.Contains("assign two[k]", design.Verilog);
        Assert.Contains("wire [3:0] neg, one, two;", design.Verilog); // 4 digits for 8 bits
    }

    [Fact]
    public void A_dadda_tree_uses_no_more_adders_than_a_wallace_tree()
    {
        int Adders(string architecture) => Regex.Matches(Generate("multiplier", ("width", 12), ("architecture", architecture)).Verilog, @"_(fa|ha) (fa|ha)\d+ ").Count;
        Assert.True(Adders("dadda") <= Adders("wallace"), $"dadda {Adders("dadda")}, wallace {Adders("wallace")}");
    }

    [Fact]
    public void The_fsm_encoding_is_the_one_asked_for()
    {
        Assert.Contains("localparam [4:0] S4 = 5'b10000;", Generate("fsm", ("pattern", "1011"), ("encoding", "one_hot")).Verilog);
        Assert.Contains("localparam [2:0] S3 = 3'd2;", Generate("fsm", ("pattern", "1011"), ("encoding", "gray")).Verilog);
    }

    [Fact]
    public void A_fir_without_coefficients_says_which_ones_it_used()
    {
        var design = Generate("fir", ("taps", 6));
        Assert.Contains("coefficients c[0..5] = 1, 2, 3, 3, 2, 1", design.Verilog);
    }
}
