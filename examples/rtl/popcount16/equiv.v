// 16-bit population count using the parallel (SWAR) bit-counting adder tree
module popcount16 (
    input  wire [15:0] din,
    output wire [4:0]  count
);
    wire [15:0] s1 = (din & 16'h5555) + ((din >> 1) & 16'h5555);  // 2-bit counts
    wire [15:0] s2 = (s1  & 16'h3333) + ((s1  >> 2) & 16'h3333);  // 4-bit counts
    wire [15:0] s3 = (s2  & 16'h0F0F) + ((s2  >> 4) & 16'h0F0F);  // 8-bit counts

    assign count = s3[4:0] + s3[12:8];
endmodule
