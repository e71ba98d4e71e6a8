using System.Text.Json;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Yosys;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>What elaborating a module told us: its interface, or why it could not be elaborated.</summary>
public sealed record InterfaceProbeResult(ModuleInterface? Interface, FailureClass Failure, string Detail, bool FromCache);

/// <summary>
/// Elaborates a module with Yosys and reads its ports and its flip-flops: the input that clocks
/// most of them is the clock, the input on their reset pins is the reset, with its polarity.
/// Names only break ties and fill gaps, so a clock called <c>tick</c> is still found by its use.
/// </summary>
public static class InterfaceProbe
{
    private const string NetlistFile = "hwforge-netlist.json";

    public static async Task<InterfaceProbeResult> RunAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, string top, CancellationToken cancellation)
    {
        var version = await versions.RequireAsync(YosysTool.Descriptor, cancellation).ConfigureAwait(false);
        var script = YosysReading.Commands(sources.Select(s => s.StagedName)) +
                     $"hierarchy -check -top {top}\n" +
                     "proc\nflatten\nopt_clean\nopt_dff\n" +
                     $"write_json -compat-int {NetlistFile}\n";
        var step = new ToolStep("yosys-interface", version, YosysTool.Script("hwforge-interface.ys")
            .WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(60))))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.StagedName, s.Text)), InputFile.FromText("hwforge-interface.ys", script)],
            Outputs = [NetlistFile],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        if (result.Run.Limit != LimitHit.None)
            return new InterfaceProbeResult(null, FailureClass.Timeout, $"yosys {result.Run.Describe(step.Invocation.Limits)}", result.FromCache);
        if (result.OutputText(NetlistFile) is not { } json)
        {
            var said = result.Run.StandardError.Trim() + result.Run.StandardOutput.Trim();
            return new InterfaceProbeResult(null, ClassifyYosysError(said), said.Length > 0 ? said : "yosys could not elaborate the design", result.FromCache);
        }
        return new InterfaceProbeResult(Parse(json, top), FailureClass.None, "elaborated", result.FromCache);
    }

    /// <remarks>Yosys's own limits ("... is not supported", "Unsupported ...") are tool errors, not the design's.</remarks>
    internal static FailureClass ClassifyYosysError(string message) =>
        message.Contains("not supported", StringComparison.OrdinalIgnoreCase) || message.Contains("Unsupported", StringComparison.OrdinalIgnoreCase) ? FailureClass.ToolError
        : message.Contains("is not part of the design") || message.Contains("Can't find") ? FailureClass.UnknownModule
        : message.Contains("not declared") || message.Contains("Identifier") ? FailureClass.Undeclared
        : message.Contains("syntax error") ? FailureClass.Syntax
        : FailureClass.Compile;

    internal static ModuleInterface Parse(string json, string top)
    {
        using var document = JsonDocument.Parse(json);
        var module = document.RootElement.GetProperty("modules").GetProperty(top);
        var ports = new List<Port>();
        var bitOwner = new Dictionary<int, string>();
        foreach (var port in module.GetProperty("ports").EnumerateObject())
        {
            var direction = port.Value.GetProperty("direction").GetString() switch
            {
                "input" => PortDirection.Input,
                "output" => PortDirection.Output,
                _ => PortDirection.Inout,
            };
            var bits = port.Value.GetProperty("bits");
            ports.Add(new Port(port.Name, direction, bits.GetArrayLength()));
            if (direction == PortDirection.Input)
                foreach (var bit in bits.EnumerateArray())
                    if (bit.ValueKind == JsonValueKind.Number) bitOwner[bit.GetInt32()] = port.Name;
        }

        var clocks = new Dictionary<string, int>();
        var resets = new Dictionary<string, (int Count, bool ActiveLow)>();
        var sequential = false;
        foreach (var cell in module.GetProperty("cells").EnumerateObject().Select(c => c.Value))
        {
            var type = cell.GetProperty("type").GetString() ?? "";
            if (!type.Contains("dff") && !type.Contains("mem") && !type.Contains("dlatch")) continue;
            sequential = true;
            var connections = cell.GetProperty("connections");
            foreach (var pin in new[] { "CLK", "RD_CLK", "WR_CLK" })
                foreach (var owner in Owners(connections, pin, bitOwner)) clocks[owner] = clocks.GetValueOrDefault(owner) + 1;
            foreach (var (pin, polarity) in new[] { ("ARST", "ARST_POLARITY"), ("SRST", "SRST_POLARITY") })
            {
                var activeLow = cell.GetProperty("parameters").TryGetProperty(polarity, out var p) && p.ValueKind == JsonValueKind.Number && p.GetInt32() == 0;
                foreach (var owner in Owners(connections, pin, bitOwner))
                    resets[owner] = (resets.GetValueOrDefault(owner).Count + 1, activeLow);
            }
        }

        var singleBitInputs = ports.Where(p => p.Direction == PortDirection.Input && p.Width == 1).Select(p => p.Name).ToList();
        var clock = clocks.OrderByDescending(c => c.Value).Select(c => c.Key).FirstOrDefault()
            ?? (sequential ? singleBitInputs.FirstOrDefault(SignalNames.LooksLikeClock) : null);
        var resetByUse = resets.Where(r => r.Key != clock).OrderByDescending(r => r.Value.Count).FirstOrDefault();
        var reset = resetByUse.Key ?? singleBitInputs.FirstOrDefault(n => n != clock && SignalNames.LooksLikeReset(n));
        var resetActiveLow = resetByUse.Key is not null ? resetByUse.Value.ActiveLow : reset is not null && SignalNames.LooksActiveLow(reset);
        return new ModuleInterface(top, ports) { Clock = clock, Reset = reset, ResetActiveLow = resetActiveLow, IsSequential = sequential };
    }

    private static IEnumerable<string> Owners(JsonElement connections, string pin, Dictionary<int, string> bitOwner)
    {
        if (!connections.TryGetProperty(pin, out var bits)) yield break;
        foreach (var bit in bits.EnumerateArray())
            if (bit.ValueKind == JsonValueKind.Number && bitOwner.TryGetValue(bit.GetInt32(), out var owner)) yield return owner;
    }
}
