// FAULT: frame ends after 9 bits (stop bit cut short)
module uart_tx (
    input  wire       clk,
    input  wire       rst,
    input  wire       start,
    input  wire [7:0] data,
    output wire       tx,
    output reg        busy
);
    localparam [1:0] DIV_MAX = 2'd1;   // clocks per bit minus one

    reg [9:0] frame;   // bit 0 is on the line
    reg [3:0] nbit;    // index of the bit currently sent
    reg [1:0] div;

    always @(posedge clk) begin
        if (rst) begin
            frame <= 10'h3FF;
            nbit  <= 4'd0;
            div   <= 2'd0;
            busy  <= 1'b0;
        end else if (!busy) begin
            if (start) begin
                frame <= {1'b1, data, 1'b0};
                nbit  <= 4'd0;
                div   <= 2'd0;
                busy  <= 1'b1;
            end
        end else if (div != DIV_MAX) begin
            div <= div + 2'd1;
        end else begin
            div   <= 2'd0;
            frame <= {1'b1, frame[9:1]};
            if (nbit == 4'd8) busy <= 1'b0;
            else              nbit <= nbit + 4'd1;
        end
    end

    assign tx = busy ? frame[0] : 1'b1;
endmodule
