// traffic light controller. Light codes: 00 red, 01 yellow, 10 green.
// NS green lasts at least 4 cycles and until a car waits on EW; yellow lasts
// 2 cycles; EW green lasts 4 cycles.
module traffic_light (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       car_ew,
    output reg  [1:0] ns_light,
    output reg  [1:0] ew_light
);
    localparam [1:0] NS_G = 2'd0, NS_Y = 2'd1, EW_G = 2'd2, EW_Y = 2'd3;
    localparam [1:0] RED = 2'b00, YELLOW = 2'b01, GREEN = 2'b10;

    reg [1:0] state;
    reg [2:0] timer;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state <= NS_G;
            timer <= 3'd0;
        end else begin
            case (state)
                NS_G: if (timer >= 3'd3 && car_ew) begin
                          state <= NS_Y;
                          timer <= 3'd0;
                      end else if (timer < 3'd3) begin
                          timer <= timer + 3'd1;
                      end
                NS_Y: if (timer == 3'd1) begin
                          state <= EW_G;
                          timer <= 3'd0;
                      end else begin
                          timer <= timer + 3'd1;
                      end
                EW_G: if (timer == 3'd3) begin
                          state <= EW_Y;
                          timer <= 3'd0;
                      end else begin
                          timer <= timer + 3'd1;
                      end
                default: if (timer == 3'd1) begin
                          state <= NS_G;
                          timer <= 3'd0;
                      end else begin
                          timer <= timer + 3'd1;
                      end
            endcase
        end
    end

    always @(*) begin
        case (state)
            NS_G:    begin ns_light = GREEN;  ew_light = RED;    end
            NS_Y:    begin ns_light = YELLOW; ew_light = RED;    end
            EW_G:    begin ns_light = RED;    ew_light = GREEN;  end
            default: begin ns_light = RED;    ew_light = YELLOW; end
        endcase
    end
endmodule
