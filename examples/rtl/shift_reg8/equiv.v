// 8-bit shift register: per-bit next-state mux, single flop bank
module shift_reg8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       load,
    input  wire       shift_en,
    input  wire       sin,
    input  wire [7:0] pdata,
    output wire [7:0] q,
    output wire       sout
);
    reg  [7:0] r;
    wire [7:0] shifted = {r[6:0], sin};
    wire [7:0] nxt;

    genvar i;
    generate
        for (i = 0; i < 8; i = i + 1) begin : g_bit
            assign nxt[i] = load ? pdata[i] : (shift_en ? shifted[i] : r[i]);
        end
    endgenerate

    always @(posedge clk or negedge rst_n)
        if (!rst_n) r <= 8'h00;
        else        r <= nxt;

    assign q    = r;
    assign sout = r[7];
endmodule
