// 8-bit comparator using a 10-bit subtractor; sign of the difference gives lt
module comparator8 (
    input  wire [7:0] a,
    input  wire [7:0] b,
    input  wire       is_signed,
    output wire       lt,
    output wire       eq,
    output wire       gt
);
    wire [8:0] ea = {is_signed & a[7], a};
    wire [8:0] eb = {is_signed & b[7], b};
    wire [9:0] diff = {ea[8], ea} - {eb[8], eb};

    assign lt = diff[9];
    assign eq = ~|diff;
    assign gt = ~diff[9] & (|diff);
endmodule
