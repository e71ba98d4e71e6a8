// A three-state controller: enum state, always_ff register, always_comb next state with a
// default-less case (the fourth encoding is unreachable after reset).
module fsm_enum_nodefault (
    input  logic clk,
    input  logic rst,
    input  logic start,
    input  logic done,
    output logic busy,
    output logic finished
);
  typedef enum logic [1:0] {IDLE, RUN, FLUSH} state_t;
  state_t state, next;

  always_ff @(posedge clk) begin
    if (rst) state <= IDLE;
    else     state <= next;
  end

  always_comb begin
    case (state)
      IDLE:  if (start) next = RUN;   else next = IDLE;
      RUN:   if (done)  next = FLUSH; else next = RUN;
      FLUSH: next = IDLE;
    endcase
  end

  assign busy = (state == RUN);
  assign finished = (state == FLUSH);
endmodule
