// FAULT: hit decoded combinationally from S3 and din (one cycle early)
module seq_detect_1011 (
    input  wire clk,
    input  wire rst,
    input  wire din,
    output wire hit
);
    localparam [2:0] S0 = 3'd0,   // nothing matched
                     S1 = 3'd1,   // "1"
                     S2 = 3'd2,   // "10"
                     S3 = 3'd3,   // "101"
                     S4 = 3'd4;   // "1011" found

    reg [2:0] state, next;

    always @(*) begin
        case (state)
            S0:      next = din ? S1 : S0;
            S1:      next = din ? S1 : S2;
            S2:      next = din ? S3 : S0;
            S3:      next = din ? S4 : S2;
            S4:      next = din ? S1 : S2;
            default: next = S0;
        endcase
    end

    always @(posedge clk) begin
        if (rst) state <= S0;
        else     state <= next;
    end

    assign hit = (state == S3) & din;
endmodule
