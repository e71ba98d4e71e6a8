// FAULT: lt uses <= so it is also set when equal
module comparator8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire       is_signed,
    output wire       lt,
    output wire       eq,
    output wire       gt
);
    wire signed [8:0] sa = {is_signed & a[7], a};
    wire signed [8:0] sb = {is_signed & b[7], b};

    assign lt = sa <= sb;
    assign eq = a == b;
    assign gt = sa > sb;
endmodule
