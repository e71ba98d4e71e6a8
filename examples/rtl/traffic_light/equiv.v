// traffic light controller: one-hot state and a down-counting timer
module traffic_light (
    input  wire       clk,
    input  wire       rst_n,
    input  wire       car_ew,
    output wire [1:0] ns_light,
    output wire [1:0] ew_light
);
    reg [3:0] st;    // one-hot: {EW_Y, EW_G, NS_Y, NS_G}
    reg [1:0] left;  // cycles remaining in the current phase minus one

    wire done = (left == 2'd0);

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st   <= 4'b0001;
            left <= 2'd3;
        end else if (st[0]) begin
            if (done && car_ew) begin st <= 4'b0010; left <= 2'd1; end
            else if (!done)     left <= left - 2'd1;
        end else if (done) begin
            st   <= {st[2:0], st[3]};
            left <= st[1] ? 2'd3 : (st[2] ? 2'd1 : 2'd3);
        end else begin
            left <= left - 2'd1;
        end
    end

    assign ns_light = {st[0], st[1]};
    assign ew_light = {st[2], st[3]};
endmodule
