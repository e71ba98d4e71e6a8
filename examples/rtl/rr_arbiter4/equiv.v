// round-robin arbiter using the masked/unmasked lowest-set-bit technique
module rr_arbiter4 (
    input  wire       clk,
    input  wire       rst,
    input  wire [3:0] req,
    output reg  [3:0] gnt
);
    reg  [1:0] ptr;
    wire [3:0] mask   = ~((4'b0001 << ptr) - 4'b0001);   // positions >= ptr
    wire [3:0] req_m  = req & mask;
    wire [3:0] pick_m = req_m & (~req_m + 4'd1);          // lowest set bit
    wire [3:0] pick_u = req & (~req + 4'd1);
    wire [3:0] pick   = (|req_m) ? pick_m : pick_u;

    always @(posedge clk) begin
        if (rst) begin
            gnt <= 4'd0;
            ptr <= 2'd0;
        end else begin
            gnt <= pick;
            case (pick)
                4'b0001: ptr <= 2'd1;
                4'b0010: ptr <= 2'd2;
                4'b0100: ptr <= 2'd3;
                4'b1000: ptr <= 2'd0;
                default: ptr <= ptr;
            endcase
        end
    end
endmodule
