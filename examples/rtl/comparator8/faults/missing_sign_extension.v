// FAULT: signed mode ignored: operands always zero-extended
module comparator8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire       is_signed,
    output wire       lt,
    output wire       eq,
    output wire       gt
);
    wire signed [8:0] sa = {1'b0, a};
    wire signed [8:0] sb = {1'b0, b};

    assign lt = sa < sb;
    assign eq = a == b;
    assign gt = sa > sb;
endmodule
