namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The macros by which a design can tell which tool reads it. Each tool defines its own
/// (Verilator: <c>VERILATOR</c>, <c>verilator</c>, <c>verilator3</c>, <c>SYSTEMVERILOG</c>, the
/// <c>SV_COV_*</c> constants; Icarus: <c>__ICARUS__</c>; Yosys: <c>YOSYS</c>, <c>SYNTHESIS</c>,
/// <c>FORMAL</c> with <c>-formal</c>), and flows define more (<c>SIMULATION</c>, <c>COCOTB_SIM</c>,
/// the commercial simulators' names). A design that tests one means different things to the
/// simulator and to the proof, so it is refused: see <see cref="CanonicalSource"/>.
/// </summary>
internal static class ToolMacros
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        // Yosys read_verilog (SYNTHESIS unless -nosynthesis; FORMAL with -formal).
        "YOSYS", "SYNTHESIS", "FORMAL",
        // Verilator (verilator -E --dump-defines), and what it defines with --timing or --coverage.
        "VERILATOR", "verilator", "verilator3", "VERILATOR_TIMING", "VERILATOR_VERSION", "VERILATOR_VERSION_INTEGER",
        "SYSTEMVERILOG", "coverage_block_off",
        "SV_COV_START", "SV_COV_STOP", "SV_COV_RESET", "SV_COV_CHECK", "SV_COV_MODULE", "SV_COV_HIER", "SV_COV_ASSERTION",
        "SV_COV_FSM_STATE", "SV_COV_STATEMENT", "SV_COV_TOGGLE", "SV_COV_OVERFLOW", "SV_COV_ERROR", "SV_COV_NOCOV",
        "SV_COV_OK", "SV_COV_PARTIAL",
        // Icarus, and the names flows give it.
        "__ICARUS__", "__ICARUS_SYNTH__", "ICARUS", "IVERILOG",
        // Simulation flows and commercial tools, which other users of a design will read it with.
        // Names as generic as DC are left out: a design's own macro may well be called that.
        "SIMULATION", "COCOTB_SIM", "VCS", "MODEL_TECH", "QUESTA", "XCELIUM", "INCA", "_VCP", "RIVIERA", "XILINX_SIMULATOR",
    };

    /// <summary>The ones Verilator, which makes the canonical text, would otherwise define; undefined there with <c>-U</c>.</summary>
    public static readonly IReadOnlyList<string> DefinedByVerilator =
    [
        "VERILATOR", "verilator", "verilator3", "SYSTEMVERILOG", "coverage_block_off",
        "SV_COV_START", "SV_COV_STOP", "SV_COV_RESET", "SV_COV_CHECK", "SV_COV_MODULE", "SV_COV_HIER", "SV_COV_ASSERTION",
        "SV_COV_FSM_STATE", "SV_COV_STATEMENT", "SV_COV_TOGGLE", "SV_COV_OVERFLOW", "SV_COV_ERROR", "SV_COV_NOCOV",
        "SV_COV_OK", "SV_COV_PARTIAL",
    ];
}
