using System.Text;

namespace HwForge.Tools.Targets.Rtl.Catalog.Generators;

/// <summary>
/// Synchronous FIFO over a register-file memory with show-ahead output (dout is the oldest entry, 0 when
/// empty): fullness from a count register, or from read and write pointers with a wrap bit.
/// </summary>
internal sealed class FifoGenerator : KernelGenerator
{
    public override string Family => "fifo";

    public override string Summary => "synchronous FIFO, show-ahead output, full/empty/count; pushes when full and pops when empty are ignored";

    public override IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Integer("depth", "entries, a power of two", ParameterRole.Function, 16, 2, 1024, 4, 8, 16, 32),
        Specs.Width(8, 1, 64, "data width in bits", 8, 16, 32),
        ParameterSpec.Choice("architecture", "how fullness is tracked: a count register, or read/write pointers with a wrap bit", ParameterRole.Architecture, "count_register", "count_register", "wrap_pointers"),
    ];

    protected override void Validate(KernelParameters p)
    {
        var depth = p.Int("depth");
        if ((depth & (depth - 1)) != 0)
            throw Invalid("depth", depth.ToString(), $"a power of two in {Spec("depth").AllowedRange} (2, 4, 8, ...)");
    }

    protected override GeneratedDesign Build(KernelParameters p)
    {
        var (depth, width, architecture) = (p.Int("depth"), p.Int("width"), p.Text("architecture"));
        var address = Verilog.Log2Ceiling(depth);
        var countWidth = address + 1;
        var top = $"fifo{depth}x{width}_{architecture}";
        var ports = Verilog.Ports([.. Verilog.ClockPorts(true), "input  wire push", "input  wire pop", $"input  wire [{width - 1}:0] din",
            $"output wire [{width - 1}:0] dout", "output wire full", "output wire empty", $"output wire [{countWidth - 1}:0] count"]);
        var what = $"synchronous FIFO, {depth} entries of {width} bits, show-ahead, {architecture.Replace('_', ' ')}";
        var notes = new[]
        {
            "dout is the oldest entry (0 when empty); push when full and pop when empty are ignored;",
            "push and pop together move both ends. count is the number of entries.",
        };

        var design = new StringBuilder(Verilog.Header(what, p, notes));
        design.Append($"module {top} {ports}");
        design.Append($"    reg [{width - 1}:0] mem [0:{depth - 1}];\n");
        if (architecture == "count_register")
        {
            design.Append($"    reg [{address - 1}:0] wr_ptr, rd_ptr;\n    reg [{countWidth - 1}:0] used;\n");
            design.Append($"    assign full  = (used == {countWidth}'d{depth});\n    assign empty = (used == {countWidth}'d0);\n    assign count = used;\n");
        }
        else
        {
            design.Append($"    // pointers one bit wider than the address: equal means empty, equal but for the top bit means full\n");
            design.Append($"    reg [{address}:0] wr_ptr, rd_ptr;\n");
            design.Append($"    assign empty = (wr_ptr == rd_ptr);\n    assign full  = (wr_ptr == {{~rd_ptr[{address}], rd_ptr[{address - 1}:0]}});\n    assign count = wr_ptr - rd_ptr;\n");
        }
        design.Append("    wire do_push = push & ~full;\n    wire do_pop  = pop & ~empty;\n");
        design.Append("    always @(posedge clk) begin\n        if (rst) begin\n");
        design.Append($"            wr_ptr <= 0;\n            rd_ptr <= 0;\n{(architecture == "count_register" ? "            used   <= 0;\n" : "")}        end else begin\n");
        design.Append($"            if (do_push) wr_ptr <= wr_ptr + 1'b1;\n            if (do_pop)  rd_ptr <= rd_ptr + 1'b1;\n");
        if (architecture == "count_register")
            design.Append($"            if (do_push & ~do_pop) used <= used + 1'b1;\n            else if (do_pop & ~do_push) used <= used - 1'b1;\n");
        design.Append("        end\n    end\n");
        design.Append($"    // the memory is not reset: an entry is only read after it was written\n");
        design.Append($"    always @(posedge clk)\n        if (do_push) mem[wr_ptr[{address - 1}:0]] <= din;\n");
        design.Append($"    assign dout = empty ? {width}'d0 : mem[rd_ptr[{address - 1}:0]];\n");
        design.Append("endmodule\n");

        var reference = new StringBuilder(Verilog.Header($"behavioural reference for {top}: {what}", p, notes));
        reference.Append($"module {top}_ref {ports}");
        reference.Append("    // a shift-register queue: entry 0 (the lowest bits) is the oldest; a pop shifts everything down\n");
        reference.Append($"    reg [{depth * width - 1}:0] queue, next;\n    reg [{countWidth - 1}:0] n;\n");
        reference.Append($"    assign count = n;\n    assign full  = (n == {depth});\n    assign empty = (n == 0);\n");
        reference.Append("    wire do_push = push && !full;\n    wire do_pop  = pop && !empty;\n");
        reference.Append("    always @(*) begin\n");
        reference.Append($"        next = do_pop ? queue >> {width} : queue;\n");
        reference.Append($"        if (do_push) next[(do_pop ? n - 1 : n) * {width} +: {width}] = din;\n    end\n");
        reference.Append("    always @(posedge clk) begin\n        if (rst) begin\n            queue <= 0;\n            n <= 0;\n");
        reference.Append("        end else begin\n            queue <= next;\n            n <= n + do_push - do_pop;\n        end\n    end\n");
        reference.Append($"    assign dout = empty ? {width}'d0 : queue[{width - 1}:0];\n");
        reference.Append("endmodule\n");

        return new GeneratedDesign(Family, p, top, design.ToString(), $"{top}_ref", reference.ToString(), "clk", "rst", false, 0, what);
    }
}
