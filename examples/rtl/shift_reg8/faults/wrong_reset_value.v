// FAULT: resets to 8'hFF instead of 0
module shift_reg8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       load,
    input  wire       shift_en,
    input  wire       sin,
    input  wire [7:0] pdata,
    output reg  [7:0] q,
    output wire       sout
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)        q <= 8'hFF;
        else if (load)     q <= pdata;
        else if (shift_en) q <= {q[6:0], sin};
    end

    assign sout = q[7];
endmodule
