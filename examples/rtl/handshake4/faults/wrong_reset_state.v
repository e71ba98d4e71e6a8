// FAULT: resets into REQ instead of IDLE
module handshake4 (
    input  wire clk,
    input  wire rst_n,
    input  wire start,
    input  wire ack,
    output wire req,
    output wire done,
    output wire busy
);
    localparam [1:0] IDLE = 2'd0, REQ = 2'd1, REL = 2'd2, DONE = 2'd3;

    reg [1:0] state;

    always @(posedge clk) begin
        if (!rst_n) begin
            state <= REQ;
        end else begin
            case (state)
                IDLE:    if (start) state <= REQ;
                REQ:     if (ack)   state <= REL;
                REL:     if (!ack)  state <= DONE;
                default: state <= IDLE;
            endcase
        end
    end

    assign req  = (state == REQ);
    assign done = (state == DONE);
    assign busy = (state != IDLE);
endmodule
