// A one-hot FSM with explicit enum values, a unique case (inside-free) and an async active-low reset.
module enum_onehot_fsm (
    input  logic clk,
    input  logic rst_n,
    input  logic req,
    input  logic ack,
    output logic [1:0] phase
);
  typedef enum logic [2:0] {S_IDLE = 3'b001, S_REQ = 3'b010, S_ACK = 3'b100} state_t;
  state_t state;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) state <= S_IDLE;
    else begin
      unique case (state)
        S_IDLE: if (req) state <= S_REQ;
        S_REQ:  if (ack) state <= S_ACK;
        S_ACK:  if (!ack) state <= S_IDLE;
        default: state <= S_IDLE;
      endcase
    end
  end
  always_comb begin
    case (state)
      S_IDLE: phase = 2'd0;
      S_REQ:  phase = 2'd1;
      S_ACK:  phase = 2'd2;
      default: phase = 2'd3;
    endcase
  end
endmodule
