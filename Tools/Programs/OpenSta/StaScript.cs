using System.Globalization;
using System.Text;
using HwForge.Tools.Programs.Liberty;

namespace HwForge.Tools.Programs.OpenSta;

/// <summary>The OpenSTA script HwForge runs: read, constrain, set activity, report. Markers split the output.</summary>
internal static class StaScript
{
    public const string ScriptFile = "sta.tcl";
    public const string NetlistFile = "netlist.v";
    public const string VirtualClock = "virtual_clock";
    public const string ChecksMarker = "hwforge: checks";
    public const string SlackMarker = "hwforge: slack";
    public const string PowerMarker = "hwforge: power";
    public const string AnnotatedPrefix = "hwforge: activity ";

    /// <summary>Assumed when no trace says otherwise: a common default, low enough not to exaggerate.</summary>
    public const double DefaultActivity = 0.1;
    public const double DefaultDuty = 0.5;

    public static string For(string top, string? clockPort, double periodNs, IReadOnlyList<SignalActivity> inputActivities,
        IReadOnlyList<string>? staticInputs = null)
    {
        var clock = clockPort ?? VirtualClock;
        var period = Number(periodNs);
        var script = new StringBuilder();
        script.AppendLine($"read_liberty {LibertyStaging.StagedName}");
        script.AppendLine($"read_verilog {NetlistFile}");
        script.AppendLine($"link_design {{{top}}}");
        // Commands below are in ns, whatever time unit the library uses.
        script.AppendLine("set_cmd_units -time ns");
        // In a proc so that a missing clock port can stop the script: `exit` does not, inside `sta -exit`.
        script.AppendLine("proc hwforge_analyse {} {");
        if (clockPort is null)
        {
            // No clock: time input-to-output paths against a virtual clock with zero external delays,
            // so the worst arrival time is the combinational critical path.
            script.AppendLine($"  create_clock -name {VirtualClock} -period {period}");
            script.AppendLine("  set data_inputs [all_inputs]");
        }
        else
        {
            script.AppendLine($"  if {{[llength [get_ports -quiet {{{clockPort}}}]] == 0}} {{");
            script.AppendLine($"    puts \"Error: the design has no port named '{clockPort}'; name its clock input, or none for a combinational design\"");
            script.AppendLine("    return");
            script.AppendLine("  }");
            script.AppendLine($"  create_clock -name {{{clock}}} -period {period} [get_ports {{{clockPort}}}]");
            script.AppendLine($"  set data_inputs [delete_from_list [all_inputs] [get_ports {{{clockPort}}}]]");
        }
        // Zero external delays: the design alone is measured, as if its neighbours were registers.
        script.AppendLine($"  if {{[llength $data_inputs]}} {{ set_input_delay 0 -clock {{{clock}}} $data_inputs }}");
        script.AppendLine($"  if {{[llength [all_outputs]]}} {{ set_output_delay 0 -clock {{{clock}}} [all_outputs] }}");
        // Inputs that hold still in operation (a reset): their paths would otherwise be reported as the
        // critical path (an asynchronous reset's arrives at 0 ns) and hide the real one.
        foreach (var port in staticInputs ?? [])
            script.AppendLine($"  if {{[llength [get_ports -quiet {{{port}}}]]}} {{ set_false_path -from [get_ports {{{port}}}] }}");
        script.AppendLine($"  set_power_activity -input -activity {Number(DefaultActivity)} -duty {Number(DefaultDuty)}");
        if (inputActivities.Count > 0)
        {
            script.AppendLine("  foreach port $data_inputs { set input([get_full_name $port]) $port }");
            script.Append("  foreach {name activity duty} {");
            foreach (var signal in inputActivities)
                script.Append($" {{{signal.Name}}} {Number(signal.TogglesPerPeriod)} {Number(Math.Clamp(signal.Duty, 0, 1))}");
            script.AppendLine(" } {");
            script.AppendLine("    if {[info exists input($name)]} {");
            script.AppendLine("      set_power_activity -input_ports $input($name) -activity $activity -duty $duty");
            script.AppendLine($"      puts \"{AnnotatedPrefix}$name\"");
            script.AppendLine("    }");
            script.AppendLine("  }");
        }
        script.AppendLine($"  puts \"{ChecksMarker}\"");
        script.AppendLine("  report_checks -path_delay max -digits 4");
        script.AppendLine($"  puts \"{SlackMarker}\"");
        script.AppendLine("  report_worst_slack -digits 4");
        script.AppendLine($"  puts \"{PowerMarker}\"");
        script.AppendLine("  report_power -digits 6");
        script.AppendLine("}");
        script.AppendLine("hwforge_analyse");
        return script.ToString();
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
