// UART-style framer: data latched once, tx selected by a bit-index mux
module uart_tx (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire [7:0] data,
    output reg        tx,
    output reg        busy
);
    reg [7:0] dreg;
    reg [3:0] idx;
    reg       half;    // second clock of the current bit

    always @(posedge clk) begin
        if (rst) begin
            dreg <= 8'd0;
            idx  <= 4'd0;
            half <= 1'b0;
            busy <= 1'b0;
        end else if (!busy) begin
            if (start) begin
                dreg <= data;
                idx  <= 4'd0;
                half <= 1'b0;
                busy <= 1'b1;
            end
        end else begin
            half <= ~half;
            if (half) begin
                if (idx == 4'd9) busy <= 1'b0;
                else             idx  <= idx + 4'd1;
            end
        end
    end

    always @(*) begin
        if (!busy) tx = 1'b1;
        else begin
            case (idx)
                4'd0:    tx = 1'b0;
                4'd1:    tx = dreg[0];
                4'd2:    tx = dreg[1];
                4'd3:    tx = dreg[2];
                4'd4:    tx = dreg[3];
                4'd5:    tx = dreg[4];
                4'd6:    tx = dreg[5];
                4'd7:    tx = dreg[6];
                4'd8:    tx = dreg[7];
                default: tx = 1'b1;
            endcase
        end
    end
endmodule
