// 4-entry FIFO using 3-bit wrap-around pointers; count and flags derived from them
module fifo4 (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    input  wire [7:0] din,
    output wire [7:0] dout,
    output wire       full,
    output wire       empty,
    output wire [2:0] count
);
    reg [7:0] m0, m1, m2, m3;
    reg [2:0] wp, rp;

    assign count = wp - rp;
    assign full  = (wp[2] != rp[2]) && (wp[1:0] == rp[1:0]);
    assign empty = (wp == rp);

    wire wr = push & ~full;
    wire rd = pop & ~empty;

    always @(posedge clk) begin
        if (rst) begin
            {m0, m1, m2, m3} <= 32'd0;
            wp <= 3'd0;
            rp <= 3'd0;
        end else begin
            if (wr) begin
                case (wp[1:0])
                    2'd0: m0 <= din;
                    2'd1: m1 <= din;
                    2'd2: m2 <= din;
                    default: m3 <= din;
                endcase
                wp <= wp + 3'd1;
            end
            if (rd) rp <= rp + 3'd1;
        end
    end

    assign dout = (rp[1:0] == 2'd0) ? m0 :
                  (rp[1:0] == 2'd1) ? m1 :
                  (rp[1:0] == 2'd2) ? m2 : m3;
endmodule
