using System.Text;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs.Icarus;

/// <summary>How far a simulation got: it failed to compile, or it compiled and the simulator ran.</summary>
internal enum SimulationStage
{
    Compile,
    Simulate,
}

/// <summary>
/// The outcome of compiling and simulating with Icarus. A hang is not an exception: it is a report
/// whose <see cref="Limit"/> says <see cref="LimitHit.WallClock"/>.
/// </summary>
internal sealed record SimulationReport(
    SimulationStage Stage,
    IReadOnlyList<Diagnostic> Diagnostics,
    ToolRunResult Run,
    IReadOnlyDictionary<string, byte[]> Outputs,
    string ToolVersion,
    bool FromCache,
    TimeSpan Timeout)
{
    /// <summary>True once iverilog accepted the design and vvp was started.</summary>
    public bool Compiled => Stage == SimulationStage.Simulate;

    /// <summary>What the simulation printed ($display, $fatal, vvp's own errors), head-and-tail capped; empty if it never ran.</summary>
    public string Output => Compiled ? Run.StandardOutput : "";

    public LimitHit Limit => Run.Limit;

    public bool TimedOut => Run.TimedOut;

    /// <summary>The simulation ran to its end ($finish or no events left) with exit code 0.</summary>
    public bool Finished => Compiled && Run.Succeeded;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    public string? OutputText(string name) =>
        Outputs.TryGetValue(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>One line on what happened, for people and prompts; the diagnostics and output carry the detail.</summary>
    public string Summary
    {
        get
        {
            var limits = ResourceLimits.Default.WithTimeout(Timeout);
            if (!Compiled)
            {
                if (Limit != LimitHit.None) return $"compilation {Run.Describe(limits)}";
                var first = Errors.FirstOrDefault();
                return first is null
                    ? $"compilation failed (iverilog exited with code {Run.ExitCode}) without a message"
                    : $"compilation failed with {Errors.Count()} error(s); first: {first.ToCompilerLine()}";
            }
            if (Limit == LimitHit.WallClock)
                return $"simulation {Run.Describe(limits)}; does the testbench call $finish?";
            return Limit != LimitHit.None || Run.ExitCode != 0
                ? $"simulation {Run.Describe(limits)}"
                : "simulation finished";
        }
    }
}
