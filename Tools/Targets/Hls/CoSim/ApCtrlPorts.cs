using System.Text.RegularExpressions;

namespace HwForge.Tools.Targets.Hls.CoSim;

/// <summary>How an RTL port carries one element of a C argument (docs/HLS.md, "The RTL interface").</summary>
internal enum PortKind
{
    /// <summary>An input the testbench drives for the whole call: a scalar or an element of an input array.</summary>
    Input,

    /// <summary>An output with its <c>_ap_vld</c>: an output by reference or an element of a non-const array.</summary>
    Output,

    /// <summary><c>ap_return</c>, read in the cycle <c>ap_done</c> is high.</summary>
    Return,
}

/// <summary>
/// One element of one C argument as RTL ports. <see cref="InitialPort"/> is set when the RTL reads the argument's
/// value before the call (Vitis's <c>x_i</c> / <c>x_o</c> split for an argument read and written).
/// </summary>
internal sealed record ApPort(int Argument, int Element, string CName, PortKind Kind, int Width, string Port, string? ValidPort, string? InitialPort)
{
    /// <summary>Where the element's bits start in a call's input vector (inputs and initial values of outputs).</summary>
    public int VectorOffset { get; init; } = -1;
}

/// <summary>
/// The RTL interface convention, compatible with Vitis HLS's block-level <c>ap_ctrl_hs</c> protocol and its port
/// names: <c>ap_clk</c>, <c>ap_rst</c> (active high), <c>ap_start</c>, <c>ap_done</c>, <c>ap_idle</c>,
/// <c>ap_ready</c>; one port per scalar argument, named as in C; an array as one port per element
/// (<c>a_0</c>, <c>a_1</c>, …, as <c>ARRAY_PARTITION complete</c> names them, flattened row-major); an output by
/// reference as <c>y</c> with <c>y_ap_vld</c> (or <c>y_i</c>, <c>y_o</c>, <c>y_o_ap_vld</c> when the RTL also
/// reads it); the return value as <c>ap_return</c>. Widths are the C types' widths as g++ saw them.
/// </summary>
internal static partial class ApCtrlPorts
{
    public static readonly string[] Control = ["ap_clk", "ap_rst", "ap_start", "ap_done", "ap_idle", "ap_ready"];

    /// <summary>
    /// The ports for a C signature as the harness logged it ("in a 8 1": role, name, width, elements), reading the
    /// RTL text only to see which outputs use the <c>_i</c>/<c>_o</c> split.
    /// </summary>
    public static IReadOnlyList<ApPort> For(IReadOnlyList<string> signature, string rtlText)
    {
        var ports = new List<ApPort>();
        var offset = 0;
        var argument = 0;
        foreach (var line in signature)
        {
            var parts = line.Split(' ');
            if (parts.Length != 4) continue;
            var (role, name, width, elements) = (parts[0], parts[1], int.Parse(parts[2]), int.Parse(parts[3]));
            if (role == "return")
            {
                ports.Add(new ApPort(-1, 0, "return", PortKind.Return, width, "ap_return", null, null));
                continue;
            }
            for (var e = 0; e < elements; e++)
            {
                var basic = elements == 1 ? name : $"{name}_{e}";
                ApPort port = role == "in"
                    ? new(argument, e, name, PortKind.Input, width, basic, null, null)
                    : Declares(rtlText, basic + "_i")
                        ? new(argument, e, name, PortKind.Output, width, basic + "_o", basic + "_o_ap_vld", basic + "_i")
                        : new(argument, e, name, PortKind.Output, width, basic, basic + "_ap_vld", null);
                ports.Add(port with { VectorOffset = offset });
                offset += width;
            }
            argument++;
        }
        return ports;
    }

    /// <summary>The bits of one call's input vector: every input element and every output's initial value.</summary>
    public static int VectorWidth(IReadOnlyList<ApPort> ports) => ports.Where(p => p.Kind != PortKind.Return).Sum(p => p.Width);

    /// <summary>Every port name the RTL must have, control first.</summary>
    public static IEnumerable<string> Names(IReadOnlyList<ApPort> ports) =>
        Control.Concat(ports.SelectMany(p => new[] { p.Port, p.ValidPort, p.InitialPort }.OfType<string>()));

    /// <summary>The RTL's port names (ANSI or not), read from its text: enough to name the ones it lacks.</summary>
    public static HashSet<string> Declared(string rtlText, string module)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var head = Regex.Match(rtlText, $@"\bmodule\s+{Regex.Escape(module)}\b(?<body>.*?)\bendmodule\b", RegexOptions.Singleline);
        if (!head.Success) return found;
        foreach (Match m in Direction().Matches(head.Groups["body"].Value))
            foreach (var name in m.Groups["names"].Value.Split(','))
                if (Regex.Match(name, @"^\s*(?<n>[A-Za-z_]\w*)").Groups["n"] is { Success: true } n) found.Add(n.Value);
        return found;
    }

    private static bool Declares(string rtlText, string name) => Regex.IsMatch(rtlText, $@"\b{Regex.Escape(name)}\b");

    // "input wire [7:0] a, b" / "output reg y_ap_vld" up to the next direction keyword, ';' or ')'.
    [GeneratedRegex(@"\b(input|output|inout)\b(\s+(wire|reg|logic|signed|unsigned))*\s*(\[[^\]]*\]\s*)?(?<names>[A-Za-z_][\w\s,]*?)(?=[;)]|\binput\b|\boutput\b|\binout\b|$)", RegexOptions.Singleline)]
    private static partial Regex Direction();
}
