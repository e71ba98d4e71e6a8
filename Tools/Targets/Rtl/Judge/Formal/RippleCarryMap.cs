namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// A Yosys techmap that builds every carry chain (<c>$lcu</c>, under each <c>$add</c>, <c>$sub</c>, comparison and
/// the final adder of each <c>$mul</c>) as a ripple of g | p &amp; c, instead of Yosys's default Brent-Kung prefix tree.
/// </summary>
/// <remarks>
/// Both are the same function; only the formal model's structure changes. A prefix tree is what makes
/// <see cref="WordRewriting"/> blow up (each carry is rebuilt from products of many propagate signals, which do not
/// cancel until the very end), while a ripple rewrites column by column in a few hundred monomials, so a 16×16
/// reference product word can be rewritten at all. Yosys tries the map modules of one cell type in the order of
/// their names, so the <c>_80_</c> prefix wins over techmap.v's <c>_90_lcu</c>.
/// </remarks>
internal static class RippleCarryMap
{
    public const string FileName = "hwforge-formal-ripple-carry.v";

    public const string Verilog = """
        (* techmap_celltype = "$lcu" *)
        module _80_hwforge_ripple_lcu (P, G, CI, CO);
            parameter WIDTH = 2;
            (* force_downto *) input [WIDTH-1:0] P, G;
            input CI;
            (* force_downto *) output [WIDTH-1:0] CO;
            genvar i;
            generate for (i = 0; i < WIDTH; i = i + 1) begin : stage
                if (i == 0) begin : first
                    assign CO[0] = G[0] | (P[0] & CI);
                end else begin : next
                    assign CO[i] = G[i] | (P[i] & CO[i-1]);
                end
            end endgenerate
        endmodule
        """;
}
