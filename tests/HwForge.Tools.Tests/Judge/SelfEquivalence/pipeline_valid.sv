// A two-stage pipeline whose data registers have no reset; only the valid bits are reset.
module pipeline_valid (
    input  logic        clk,
    input  logic        rst,
    input  logic        in_valid,
    input  logic [7:0]  in_data,
    output logic        out_valid,
    output logic [9:0]  out_data
);
  logic       v1;
  logic [8:0] d1;
  always_ff @(posedge clk) begin
    if (rst) begin
      v1 <= 1'b0;
      out_valid <= 1'b0;
    end else begin
      v1 <= in_valid;
      out_valid <= v1;
    end
  end
  always_ff @(posedge clk) begin
    if (in_valid) d1 <= {1'b0, in_data} + 9'd1;
    if (v1) out_data <= {d1, 1'b0};
  end
endmodule
