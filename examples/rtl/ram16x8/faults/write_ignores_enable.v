// FAULT: write happens even when en is low
module ram16x8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    input  wire       we,
    input  wire [3:0] addr,
    input  wire [7:0] wdata,
    output reg  [7:0] rdata
);
    reg [7:0] mem [0:15];
    integer   i;

    always @(posedge clk) begin
        if (!rst_n) begin
            for (i = 0; i < 16; i = i + 1)
                mem[i] <= 8'd0;
            rdata <= 8'd0;
        end else begin
            if (we) mem[addr] <= wdata;
            if (en) rdata <= mem[addr];
        end
    end
endmodule
