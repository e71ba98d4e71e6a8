// FAULT: search loop checks only 3 positions
module rr_arbiter4 (
    input  wire       clk,
    input  wire       rst,
    input  wire [3:0] req,
    output reg  [3:0] gnt
);
    reg [1:0] ptr;
    reg [1:0] idx;
    reg       found;
    integer   k;

    always @(*) begin
        found = 1'b0;
        idx   = ptr;
        for (k = 0; k < 3; k = k + 1) begin
            if (!found && req[ptr + k[1:0]]) begin
                found = 1'b1;
                idx   = ptr + k[1:0];
            end
        end
    end

    always @(posedge clk) begin
        if (rst) begin
            gnt <= 4'd0;
            ptr <= 2'd0;
        end else begin
            gnt <= found ? (4'd1 << idx) : 4'd0;
            if (found) ptr <= idx + 2'd1;
        end
    end
endmodule
