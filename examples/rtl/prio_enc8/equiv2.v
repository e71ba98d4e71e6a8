// 8-input priority encoder written as sum-of-products equations
module prio_enc8 (
    input  wire [7:0] req,
    output wire [2:0] idx,
    output wire       valid
);
    assign idx[2] = req[7] | req[6] | req[5] | req[4];
    assign idx[1] = req[7] | req[6] | (~req[5] & ~req[4] & (req[3] | req[2]));
    assign idx[0] = req[7] | (~req[6] & req[5]) | (~req[6] & ~req[4] & req[3])
                  | (~req[6] & ~req[4] & ~req[2] & req[1]);
    assign valid  = req[0] | req[1] | req[2] | req[3] | req[4] | req[5] | req[6] | req[7];
endmodule
