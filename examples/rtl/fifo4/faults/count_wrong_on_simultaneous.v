// FAULT: count increments on simultaneous push and pop
module fifo4 (
    input  wire       clk,
    input  wire       rst,
    input  wire       push,
    input  wire       pop,
    input  wire [7:0] din,
    output wire [7:0] dout,
    output wire       full,
    output wire       empty,
    output reg  [2:0] count
);
    reg [7:0] mem [0:3];
    reg [1:0] wr_ptr, rd_ptr;
    integer   i;

    wire do_push = push && !full;
    wire do_pop  = pop && !empty;

    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < 4; i = i + 1)
                mem[i] <= 8'd0;
            wr_ptr <= 2'd0;
            rd_ptr <= 2'd0;
            count  <= 3'd0;
        end else begin
            if (do_push) begin
                mem[wr_ptr] <= din;
                wr_ptr      <= wr_ptr + 2'd1;
            end
            if (do_pop)
                rd_ptr <= rd_ptr + 2'd1;
            if (do_push)     count <= count + 3'd1;
            else if (do_pop) count <= count - 3'd1;
        end
    end

    assign full  = (count == 3'd4);
    assign empty = (count == 3'd0);
    assign dout  = mem[rd_ptr];
endmodule
