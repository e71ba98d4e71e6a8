// FAULT: carry equation lacks the propagate term (carries never ripple)
/* verilator lint_off UNOPTFLAT */
module mult16x12 (
    input  wire [15:0] a,
    input  wire [11:0] b,
    output wire [27:0] p
);
    // acc[16*i +: 16] is the running upper partial sum entering row i
    wire [16*13-1:0] acc;

    assign acc[15:0] = 16'd0;

    genvar i, j;
    generate
        for (i = 0; i < 12; i = i + 1) begin : g_row
            wire [15:0] x  = acc[16*i +: 16];
            wire [15:0] pp = a & {16{b[i]}};
            wire [15:0] s;
            wire [16:0] c;

            assign c[0] = 1'b0;
            for (j = 0; j < 16; j = j + 1) begin : g_col
                assign s[j]   = x[j] ^ pp[j] ^ c[j];
                assign c[j+1] = x[j] & pp[j];
            end

            assign p[i] = s[0];
            assign acc[16*(i+1) +: 16] = {c[16], s[15:1]};
        end
    endgenerate

    assign p[27:12] = acc[16*12 +: 16];
endmodule
/* verilator lint_on UNOPTFLAT */
