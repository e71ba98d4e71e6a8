// FAULT: output is zeroed when en is high instead of low
module mux8to1 (
    input  wire [31:0] d,
    input  wire [2:0]  sel,
    input  wire        en,
    output reg  [3:0]  y
);
    always @(*) begin
        case (sel)
            3'd0:    y = d[3:0];
            3'd1:    y = d[7:4];
            3'd2:    y = d[11:8];
            3'd3:    y = d[15:12];
            3'd4:    y = d[19:16];
            3'd5:    y = d[23:20];
            3'd6:    y = d[27:24];
            default: y = d[31:28];
        endcase
        if (en) y = 4'd0;
    end
endmodule
