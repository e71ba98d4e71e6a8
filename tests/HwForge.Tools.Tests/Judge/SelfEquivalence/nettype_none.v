`default_nettype none
// Written under `default_nettype none, so every net is declared; restored at the end, as style guides ask.
module nettype_none (
    input  wire       a,
    input  wire       b,
    input  wire       cin,
    output wire       s,
    output wire       cout
);
  wire axb;
  assign axb = a ^ b;
  assign s = axb ^ cin;
  assign cout = (a & b) | (axb & cin);
endmodule
`default_nettype wire
