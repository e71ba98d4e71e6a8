// FAULT: toggle uses OR instead of XOR
module edge_detect (
    input  wire clk,
    input  wire rst,
    input  wire sig,
    output wire rise,
    output wire fall,
    output wire toggle
);
    reg meta, sync, prev;

    always @(posedge clk) begin
        if (rst) begin
            meta <= 1'b0;
            sync <= 1'b0;
            prev <= 1'b0;
        end else begin
            meta <= sig;
            sync <= meta;
            prev <= sync;
        end
    end

    assign rise   = sync & ~prev;
    assign fall   = ~sync & prev;
    assign toggle = sync | prev;
endmodule
