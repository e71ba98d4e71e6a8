// 2x2 systolic array built from a generic processing-element module
module systolic2x2 (
    input  wire               clk,
    input  wire               rst,
    input  wire               clear,
    input  wire signed [7:0]  a0,
    input  wire signed [7:0]  a1,
    input  wire signed [7:0]  b0,
    input  wire signed [7:0]  b1,
    output wire signed [19:0] c00,
    output wire signed [19:0] c01,
    output wire signed [19:0] c10,
    output wire signed [19:0] c11
);
    wire [7:0] a00_out, a01_out, a10_out, a11_out;
    wire [7:0] b00_out, b01_out, b10_out, b11_out;

    systolic2x2_pe pe00 (.clk(clk), .rst(rst), .clear(clear), .a_in(a0),      .b_in(b0),
                         .a_out(a00_out), .b_out(b00_out), .acc(c00));
    systolic2x2_pe pe01 (.clk(clk), .rst(rst), .clear(clear), .a_in(a00_out), .b_in(b1),
                         .a_out(a01_out), .b_out(b01_out), .acc(c01));
    systolic2x2_pe pe10 (.clk(clk), .rst(rst), .clear(clear), .a_in(a1),      .b_in(b00_out),
                         .a_out(a10_out), .b_out(b10_out), .acc(c10));
    systolic2x2_pe pe11 (.clk(clk), .rst(rst), .clear(clear), .a_in(a10_out), .b_in(b01_out),
                         .a_out(a11_out), .b_out(b11_out), .acc(c11));
endmodule

// one output-stationary MAC cell
module systolic2x2_pe (
    input  wire               clk,
    input  wire               rst,
    input  wire               clear,
    input  wire [7:0]         a_in,
    input  wire [7:0]         b_in,
    output reg  [7:0]         a_out,
    output reg  [7:0]         b_out,
    output reg  signed [19:0] acc
);
    wire signed [19:0] prod = $signed(a_in) * $signed(b_in);

    always @(posedge clk) begin
        if (rst) begin
            a_out <= 8'd0;
            b_out <= 8'd0;
            acc   <= 20'sd0;
        end else begin
            a_out <= a_in;
            b_out <= b_in;
            if (clear) acc <= prod;
            else       acc <= acc + prod;
        end
    end
endmodule
