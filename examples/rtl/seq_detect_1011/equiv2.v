// 1011 detector as a one-hot encoded Moore FSM
module seq_detect_1011 (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output wire hit
);
    reg [4:0] st;   // one-hot: st[k] = state Sk

    always @(posedge clk) begin
        if (rst) begin
            st <= 5'b00001;
        end else begin
            st[0] <= ~din & (st[0] | st[2]);
            st[1] <=  din & (st[0] | st[1] | st[4]);
            st[2] <= ~din & (st[1] | st[3] | st[4]);
            st[3] <=  din & st[2];
            st[4] <=  din & st[3];
        end
    end

    assign hit = st[4];
endmodule
