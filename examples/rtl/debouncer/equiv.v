// debouncer using a 2-bit history of "input differs" flags instead of a counter
module debouncer (
    input  wire clk,
    input  wire rst_n,
    input  wire noisy,
    output reg  clean
);
    reg  [1:0] hist;
    wire       diff = noisy ^ clean;
    wire       flip = diff & hist[0] & hist[1];

    always @(posedge clk) begin
        if (!rst_n) begin
            clean <= 1'b0;
            hist  <= 2'b00;
        end else if (flip) begin
            clean <= ~clean;
            hist  <= 2'b00;
        end else begin
            hist  <= {hist[0], diff};
        end
    end
endmodule
