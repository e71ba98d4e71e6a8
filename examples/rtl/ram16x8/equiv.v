// single-port RAM: storage as a flat vector, read mux registered separately
module ram16x8 (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       en,
    input  wire       we,
    input  wire [3:0] addr,
    input  wire [7:0] wdata,
    output reg  [7:0] rdata
);
    reg  [127:0] store;
    wire [7:0]   cur = store[{addr, 3'b000} +: 8];

    always @(posedge clk) begin
        if (!rst_n)
            store <= 128'd0;
        else if (en && we)
            store[{addr, 3'b000} +: 8] <= wdata;
    end

    always @(posedge clk) begin
        if (!rst_n)  rdata <= 8'd0;
        else if (en) rdata <= cur;
    end
endmodule
