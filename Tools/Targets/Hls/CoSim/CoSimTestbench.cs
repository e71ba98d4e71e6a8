using System.Numerics;
using System.Text;

namespace HwForge.Tools.Targets.Hls.CoSim;

/// <summary>
/// Writes the SystemVerilog testbench that drives an RTL module through the <c>ap_ctrl_hs</c> handshake on the
/// C simulation's calls, and the vectors it reads. Two passes, each from reset: one call at a time (start, wait
/// for <c>ap_done</c>: the latency of each call), then with <c>ap_start</c> held high and the next call's inputs
/// given as soon as <c>ap_ready</c> takes the last (the initiation interval). The testbench logs what it saw;
/// HwForge compares the log with the C simulation's, so what the RTL prints decides nothing.
/// </summary>
internal static class CoSimTestbench
{
    public const string Module = "hwforge_cosim_tb";
    public const string FileName = "hwforge_cosim_tb.sv";
    public const string VectorsFile = "hwforge-cosim-vectors.hex";
    public const string LogFile = "hwforge-cosim.log";

    /// <summary>One line of hex per call: every element of <paramref name="ports"/>'s inputs, the first at the lowest bits.</summary>
    public static string Vectors(IReadOnlyList<ApPort> ports, IReadOnlyList<IReadOnlyList<(int Argument, string Bits)>> calls)
    {
        var width = Math.Max(1, ApCtrlPorts.VectorWidth(ports));
        var digits = (width + 3) / 4;
        var text = new StringBuilder();
        foreach (var inputs in calls)
        {
            var value = BigInteger.Zero;
            foreach (var port in ports.Where(p => p.Kind != PortKind.Return))
            {
                var bits = inputs.First(i => i.Argument == port.Argument).Bits.Split(',')[port.Element];
                value |= BigInteger.Parse("0" + bits, System.Globalization.NumberStyles.HexNumber) << port.VectorOffset;
            }
            var hex = value.ToString("x");
            hex = hex.TrimStart('0');
            text.Append(hex.PadLeft(digits, '0')).Append('\n');
        }
        return text.ToString();
    }

    /// <param name="cyclesPerCall">How long a call may go without <c>ap_done</c> before the run is a timeout.</param>
    public static string Text(string top, IReadOnlyList<ApPort> ports, int calls, int cyclesPerCall)
    {
        var width = Math.Max(1, ApCtrlPorts.VectorWidth(ports));
        var s = new StringBuilder();
        s.AppendLine($"// HwForge's co-simulation testbench for {top} (ap_ctrl_hs). Generated; the log it writes is compared with C simulation.");
        s.AppendLine($"module {Module};");
        s.AppendLine($"  localparam integer CALLS = {calls};");
        s.AppendLine($"  localparam integer PATIENCE = {cyclesPerCall};");
        s.AppendLine("  reg hwforge_clk = 1'b0, hwforge_rst = 1'b1, hwforge_start = 1'b0;");
        s.AppendLine("  wire hwforge_done, hwforge_idle, hwforge_ready;");
        s.AppendLine($"  reg [{width - 1}:0] hwforge_vec [0:CALLS-1];");
        for (var i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            var range = $"[{p.Width - 1}:0]";
            switch (p.Kind)
            {
                case PortKind.Input: s.AppendLine($"  reg {range} hwforge_in{i};"); break;
                case PortKind.Output:
                    s.AppendLine($"  wire {range} hwforge_out{i}; wire hwforge_vld{i}; reg {range} hwforge_cap{i};");
                    if (p.InitialPort is not null) s.AppendLine($"  reg {range} hwforge_init{i};");
                    break;
                case PortKind.Return: s.AppendLine($"  wire {range} hwforge_ret{i}; reg {range} hwforge_cap{i};"); break;
            }
        }
        var connections = new List<string>
        {
            ".ap_clk(hwforge_clk)", ".ap_rst(hwforge_rst)", ".ap_start(hwforge_start)", ".ap_done(hwforge_done)", ".ap_idle(hwforge_idle)", ".ap_ready(hwforge_ready)",
        };
        for (var i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            connections.AddRange(p.Kind switch
            {
                PortKind.Input => [$".{p.Port}(hwforge_in{i})"],
                PortKind.Return => [$".{p.Port}(hwforge_ret{i})"],
                _ => new[] { $".{p.Port}(hwforge_out{i})", $".{p.ValidPort}(hwforge_vld{i})", p.InitialPort is { } init ? $".{init}(hwforge_init{i})" : null }.OfType<string>(),
            });
        }
        s.AppendLine($"  {top} hwforge_dut ({string.Join(", ", connections)});");
        s.AppendLine("  always #5 hwforge_clk = ~hwforge_clk;");
        s.AppendLine("  integer hwforge_f, hwforge_k, hwforge_cycles, hwforge_issued, hwforge_done_calls, hwforge_first, hwforge_last, hwforge_quiet;");
        s.AppendLine("  reg hwforge_was_ready, hwforge_seen_done, hwforge_took;");

        // The inputs of call c, held until ap_ready takes them.
        s.AppendLine("  task automatic hwforge_drive(input integer c);");
        s.AppendLine("    begin");
        for (var i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            if (p.Kind == PortKind.Input) s.AppendLine($"      hwforge_in{i} = hwforge_vec[c][{p.VectorOffset} +: {p.Width}];");
            else if (p.InitialPort is not null) s.AppendLine($"      hwforge_init{i} = hwforge_vec[c][{p.VectorOffset} +: {p.Width}];");
        }
        s.AppendLine("    end");
        s.AppendLine("  endtask");
        // An output the RTL never marks valid during a call keeps the value it had before, as in C.
        s.AppendLine("  task automatic hwforge_expect(input integer c);");
        s.AppendLine("    begin");
        for (var i = 0; i < ports.Count; i++)
            if (ports[i].Kind == PortKind.Output) s.AppendLine($"      hwforge_cap{i} = hwforge_vec[c][{ports[i].VectorOffset} +: {ports[i].Width}];");
        s.AppendLine("    end");
        s.AppendLine("  endtask");
        s.AppendLine("  task automatic hwforge_sample;");
        s.AppendLine("    begin");
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].Kind == PortKind.Output) s.AppendLine($"      if (hwforge_vld{i} === 1'b1) hwforge_cap{i} = hwforge_out{i};");
            if (ports[i].Kind == PortKind.Return) s.AppendLine($"      if (hwforge_done === 1'b1) hwforge_cap{i} = hwforge_ret{i};");
        }
        s.AppendLine("    end");
        s.AppendLine("  endtask");
        s.AppendLine("  task automatic hwforge_outputs;");
        s.AppendLine("    begin");
        for (var i = 0; i < ports.Count; i++)
        {
            var p = ports[i];
            if (p.Kind == PortKind.Output) s.AppendLine($"      $fwrite(hwforge_f, \"O {p.Argument} {p.Element} %h\\n\", hwforge_cap{i});");
            if (p.Kind == PortKind.Return) s.AppendLine($"      $fwrite(hwforge_f, \"R 0 0 %h\\n\", hwforge_cap{i});");
        }
        s.AppendLine("    end");
        s.AppendLine("  endtask");
        s.AppendLine("  task automatic hwforge_stop(input integer code, input integer call);");
        s.AppendLine("    begin $fwrite(hwforge_f, \"X %0d %0d\\n\", code, call); $fclose(hwforge_f); $finish; end");
        s.AppendLine("  endtask");
        // Reset for two cycles with ap_start low; then the block must say it is idle.
        s.AppendLine("  task automatic hwforge_reset;");
        s.AppendLine("    begin");
        s.AppendLine("      hwforge_rst = 1'b1; hwforge_start = 1'b0;");
        s.AppendLine("      repeat (2) @(posedge hwforge_clk);");
        s.AppendLine("      #1 hwforge_rst = 1'b0;");
        s.AppendLine("      @(negedge hwforge_clk);");
        s.AppendLine("      if (hwforge_idle !== 1'b1) hwforge_stop(1, 0);");
        s.AppendLine("      @(posedge hwforge_clk); #1;");
        s.AppendLine("    end");
        s.AppendLine("  endtask");

        s.AppendLine("  initial begin");
        s.AppendLine($"    $readmemh(\"{VectorsFile}\", hwforge_vec);");
        s.AppendLine($"    hwforge_f = $fopen(\"{LogFile}\", \"w\");");
        // Pass 1: one call at a time. Outputs are sampled mid-cycle, inputs change just after a rising edge.
        s.AppendLine("    hwforge_reset;");
        s.AppendLine("    $fwrite(hwforge_f, \"P 1\\n\");");
        s.AppendLine("    for (hwforge_k = 0; hwforge_k < CALLS; hwforge_k = hwforge_k + 1) begin");
        s.AppendLine("      hwforge_drive(hwforge_k); hwforge_expect(hwforge_k); hwforge_start = 1'b1;");
        s.AppendLine("      hwforge_cycles = 0; hwforge_was_ready = 1'b0; hwforge_seen_done = 1'b0;");
        s.AppendLine("      while (!hwforge_seen_done) begin");
        s.AppendLine("        @(negedge hwforge_clk);");
        s.AppendLine("        hwforge_sample;");
        s.AppendLine("        if (hwforge_ready === 1'b1) hwforge_was_ready = 1'b1;");
        s.AppendLine("        if (hwforge_done === 1'b1) hwforge_seen_done = 1'b1;");
        s.AppendLine("        else if (hwforge_cycles >= PATIENCE) hwforge_stop(2, hwforge_k);");
        s.AppendLine("        @(posedge hwforge_clk); #1;");
        s.AppendLine("        if (hwforge_was_ready) hwforge_start = 1'b0;");
        s.AppendLine("        if (!hwforge_seen_done) hwforge_cycles = hwforge_cycles + 1;");
        s.AppendLine("      end");
        s.AppendLine("      if (!hwforge_was_ready) hwforge_stop(3, hwforge_k);");
        s.AppendLine("      $fwrite(hwforge_f, \"D %0d %0d\\n\", hwforge_k, hwforge_cycles);");
        s.AppendLine("      hwforge_outputs;");
        s.AppendLine("    end");
        // Pass 2: ap_start held high; a new call's inputs as soon as ap_ready takes the last. An output's ap_vld
        // belongs to the oldest call not yet done, so calls finish in order.
        s.AppendLine("    hwforge_reset;");
        s.AppendLine("    $fwrite(hwforge_f, \"P 2\\n\");");
        s.AppendLine("    hwforge_issued = 0; hwforge_done_calls = 0; hwforge_cycles = 0; hwforge_first = -1; hwforge_last = -1; hwforge_quiet = 0;");
        s.AppendLine("    hwforge_drive(0); hwforge_expect(0); hwforge_start = 1'b1;");
        s.AppendLine("    while (hwforge_done_calls < CALLS) begin");
        s.AppendLine("      @(negedge hwforge_clk);");
        s.AppendLine("      hwforge_sample;");
        s.AppendLine("      hwforge_took = hwforge_start && hwforge_ready === 1'b1;");
        s.AppendLine("      if (hwforge_took) begin if (hwforge_first < 0) hwforge_first = hwforge_cycles; hwforge_last = hwforge_cycles; end");
        s.AppendLine("      hwforge_quiet = hwforge_quiet + 1;");
        s.AppendLine("      if (hwforge_done === 1'b1) begin");
        s.AppendLine("        if (hwforge_done_calls >= hwforge_issued + (hwforge_took ? 1 : 0)) hwforge_stop(4, hwforge_done_calls);");
        s.AppendLine("        $fwrite(hwforge_f, \"D %0d %0d\\n\", hwforge_done_calls, hwforge_cycles);");
        s.AppendLine("        hwforge_outputs;");
        s.AppendLine("        hwforge_done_calls = hwforge_done_calls + 1; hwforge_quiet = 0;");
        s.AppendLine("        if (hwforge_done_calls < CALLS) hwforge_expect(hwforge_done_calls);");
        s.AppendLine("      end");
        s.AppendLine("      if (hwforge_took) hwforge_issued = hwforge_issued + 1;");
        s.AppendLine("      if (hwforge_quiet > PATIENCE) hwforge_stop(2, hwforge_done_calls);");
        s.AppendLine("      @(posedge hwforge_clk); #1;");
        s.AppendLine("      hwforge_cycles = hwforge_cycles + 1;");
        s.AppendLine("      if (hwforge_issued < CALLS) begin hwforge_drive(hwforge_issued); hwforge_start = 1'b1; end");
        s.AppendLine("      else hwforge_start = 1'b0;");
        s.AppendLine("    end");
        s.AppendLine("    $fwrite(hwforge_f, \"I %0d %0d %0d\\n\", hwforge_first, hwforge_last, hwforge_issued);");
        s.AppendLine("    $fwrite(hwforge_f, \"E %0d\\n\", CALLS);");
        s.AppendLine("    $fclose(hwforge_f);");
        s.AppendLine("    $finish;");
        s.AppendLine("  end");
        s.AppendLine("endmodule");
        return s.ToString();
    }
}
