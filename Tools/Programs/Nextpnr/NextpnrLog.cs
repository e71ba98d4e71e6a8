using System.Globalization;
using System.Text.RegularExpressions;

namespace HwForge.Tools.Programs.Nextpnr;

/// <summary>The figures read from one nextpnr-ice40 log.</summary>
internal sealed partial record NextpnrLog(
    IReadOnlyDictionary<string, ResourceUse> Utilisation,
    IReadOnlyList<ClockFmax> Clocks,
    double? CombinationalDelayNs,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// Reads the <c>Device utilisation:</c> block, the <c>Max frequency for clock</c> lines and the
    /// <c>Max delay &lt;async&gt; -&gt; &lt;async&gt;</c> line. Timing is printed after placement and again
    /// after routing; later lines replace earlier ones, so the post-route figures win.
    /// </summary>
    public static NextpnrLog Parse(string log)
    {
        var utilisation = new Dictionary<string, ResourceUse>();
        var clocks = new Dictionary<string, ClockFmax>();
        double? combinational = null;
        var errors = new List<string>();
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (UtilisationLine().Match(line) is { Success: true } use)
                utilisation[use.Groups["kind"].Value] = new ResourceUse(int.Parse(use.Groups["used"].Value), int.Parse(use.Groups["available"].Value));
            else if (Frequency().Match(line) is { Success: true } freq)
            {
                var net = freq.Groups["net"].Value;
                clocks[net] = new ClockFmax(UserClockName(net), net, Number(freq.Groups["fmax"]), Number(freq.Groups["target"]),
                    freq.Groups["verdict"].Value == "PASS");
            }
            else if (AsyncDelay().Match(line) is { Success: true } delay)
                combinational = Number(delay.Groups["ns"]);
            else if (Error().Match(line) is { Success: true } error)
                errors.Add(error.Groups["message"].Value.Trim());
        }
        return new NextpnrLog(utilisation, [.. clocks.Values], combinational, errors);
    }

    /// <summary>
    /// nextpnr names a clock after the net it reaches the flip-flops on: <c>clk$SB_IO_IN_$glb_clk</c> is
    /// the user's <c>clk</c> through its input buffer and a global buffer.
    /// </summary>
    public static string UserClockName(string net) => ClockDecoration().Replace(net, "");

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Info:\s+(?<kind>[A-Z][A-Z0-9_]+):\s+(?<used>\d+)/\s*(?<available>\d+)\s+\d+%\s*$")]
    private static partial Regex UtilisationLine();

    [GeneratedRegex(@"^Info: Max frequency for clock\s+'(?<net>[^']+)': (?<fmax>[\d.]+) MHz \((?<verdict>PASS|FAIL) at (?<target>[\d.]+) MHz\)")]
    private static partial Regex Frequency();

    [GeneratedRegex(@"^Info: Max delay <async>\s*-> <async>\s*: (?<ns>[\d.]+) ns")]
    private static partial Regex AsyncDelay();

    [GeneratedRegex(@"^ERROR: (?<message>.*)$")]
    private static partial Regex Error();

    [GeneratedRegex(@"(\$SB_IO_IN)?(_?\$glb_clk)?$")]
    private static partial Regex ClockDecoration();
}
