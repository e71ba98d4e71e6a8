// four-phase handshake initiator with one-hot state encoding
module handshake4 (
    input  wire clk,
    input  wire rst_n,
    input  wire start,
    input  wire ack,
    output wire req,
    output wire done,
    output wire busy
);
    reg s_idle, s_req, s_rel, s_done;

    always @(posedge clk) begin
        if (!rst_n) begin
            s_idle <= 1'b1;
            s_req  <= 1'b0;
            s_rel  <= 1'b0;
            s_done <= 1'b0;
        end else begin
            s_idle <= (s_idle & ~start) | s_done;
            s_req  <= (s_idle & start) | (s_req & ~ack);
            s_rel  <= (s_req & ack) | (s_rel & ack);
            s_done <= s_rel & ~ack;
        end
    end

    assign req  = s_req;
    assign done = s_done;
    assign busy = ~s_idle;
endmodule
