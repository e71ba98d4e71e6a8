using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HwForge.Tools.Targets.Rtl.Catalog;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Yosys;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Benchmarks;

/// <summary>
/// proof: how strongly the judge shows equivalent pairs equal. Every examples/*/ equivalent against its
/// ref.v, every catalog variant (each family at its default function, every architecture choice) against its
/// own reference, and each example's reference against its own Yosys netlist (a restructuring of the same
/// function). One pair at a time, no cache, the default formal budget; per pair the assurance and the time.
/// </summary>
public static class ProofStrength
{
    private sealed record Pair(string Group, string Name, bool Sequential, Func<Task<VerifyRequest?>> Request);

    public static async Task<string> RunAsync(HwForgeHome home, string root, string? only)
    {
        using var host = new ToolHost(new BubblewrapSandbox(), home, null, Math.Max(1, SandboxPool.ConfiguredSize()));
        var versions = new ToolVersions(host);
        var rows = new StringBuilder("| group | pair | kind | verdict | assurance | formal | verify s | formal s |\n|---|---|---|---|---|---|---|---|\n");
        // The judge's default budget unless HWFORGE_PROOF_BUDGET (seconds) says otherwise: to tell a pair that
        // needs more time from one the method cannot close.
        var budget = Environment.GetEnvironmentVariable("HWFORGE_PROOF_BUDGET") is { } given ? TimeSpan.FromSeconds(double.Parse(given)) : (TimeSpan?)null;
        var tally = new Dictionary<(string Group, bool Sequential), List<(Assurance Assurance, double Seconds)>>();
        foreach (var pair in Pairs(root, host, versions))
        {
            if (only is not null && !$"{pair.Group}/{pair.Name}".Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var request = await pair.Request();
            if (request is null) { rows.AppendLine($"| {pair.Group} | {pair.Name} | | no netlist | | | | |"); continue; }
            if (budget is { } b) request = request with { FormalTimeout = b };
            var clock = Stopwatch.StartNew();
            var report = await new Verifier(host, versions).VerifyAsync(request);
            var seconds = clock.Elapsed.TotalSeconds;
            var formalSeconds = report.Stages.Where(s => s.Stage == StageName.Formal).Sum(s => s.Duration.TotalSeconds);
            var sequential = report.Interface?.IsSequential ?? pair.Sequential;
            var formal = report.Formal.Status + (report.Formal.Bound is { } bound ? $" ({bound})" : "");
            var line = $"| {pair.Group} | {pair.Name} | {(sequential ? "seq" : "comb")} | {report.Verdict} | {report.Assurance} | {formal}: {report.Formal.Detail.Replace('|', '/')} | {seconds:0.0} | {formalSeconds:0.0} |";
            Console.Error.WriteLine(line);
            rows.AppendLine(line);
            if (!tally.TryGetValue((pair.Group, sequential), out var list)) tally[(pair.Group, sequential)] = list = [];
            list.Add((report.Verdict == Verdict.Pass ? report.Assurance : Assurance.None, seconds));
        }
        var summary = new StringBuilder("\n| group | kind | pairs | proven | bounded | simulated | not passed | verify s (median / max) |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var ((group, sequential), list) in tally.OrderBy(t => t.Key.Group).ThenBy(t => t.Key.Sequential))
        {
            int Count(Assurance a) => list.Count(x => x.Assurance == a);
            var times = list.Select(x => x.Seconds).Order().ToList();
            summary.AppendLine($"| {group} | {(sequential ? "sequential" : "combinational")} | {list.Count} | {Count(Assurance.Proven)} ({100.0 * Count(Assurance.Proven) / list.Count:0}%) | " +
                $"{Count(Assurance.Bounded)} | {Count(Assurance.Simulated)} | {Count(Assurance.None)} | {times[times.Count / 2]:0.0} / {times[^1]:0.0} |");
        }
        return rows.ToString() + summary;
    }

    private static IEnumerable<Pair> Pairs(string root, ToolHost host, ToolVersions versions)
    {
        var examples = Path.Combine(root, "examples", "rtl");
        var folders = Directory.GetDirectories(examples).Order(StringComparer.Ordinal).ToList();
        foreach (var folder in folders)
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
            var top = manifest.RootElement.GetProperty("top").GetString()!;
            var sequential = manifest.RootElement.GetProperty("kind").GetString() != "combinational";
            var reference = SourceLoader.LoadOne(Path.Combine(folder, "ref.v"));
            foreach (var equivalent in manifest.RootElement.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()!))
                yield return new("examples", $"{top}/{equivalent}", sequential,
                    () => Task.FromResult<VerifyRequest?>(new VerifyRequest([SourceLoader.LoadOne(Path.Combine(folder, equivalent))], top, [reference], top)));
        }
        foreach (var (family, parameters) in CatalogVariants())
        {
            GeneratedDesign design;
            try { design = KernelCatalog.Generate(family, parameters); }
            catch (CatalogParameterException) { continue; }
            yield return new("catalog", design.Id, design.Clock is not null, () => Task.FromResult<VerifyRequest?>(
                new VerifyRequest([SourceLoader.FromText(design.DesignFileName, design.Verilog)], design.Top,
                    [SourceLoader.FromText(design.ReferenceFileName, design.ReferenceVerilog)], design.ReferenceTop)
                {
                    Clock = design.Clock,
                    Reset = design.Reset,
                    ResetActiveLow = design.Reset is null ? null : design.ResetActiveLow,
                    // The machine is shared: a simulation starved of CPU must not be cut short.
                    SimulationTimeout = TimeSpan.FromSeconds(120),
                }));
        }
        foreach (var folder in folders)
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
            var top = manifest.RootElement.GetProperty("top").GetString()!;
            var sequential = manifest.RootElement.GetProperty("kind").GetString() != "combinational";
            var reference = SourceLoader.LoadOne(Path.Combine(folder, "ref.v"));
            yield return new("netlists", $"{top}/yosys synth", sequential, async () =>
                await NetlistAsync(host, versions, reference, top) is { } netlist ? new VerifyRequest([netlist], $"{top}_netlist", [reference], top) : null);
        }
    }

    /// <summary>Each family at its default function with every combination of its architecture parameters.</summary>
    private static IEnumerable<(string Family, KernelParameters Parameters)> CatalogVariants()
    {
        foreach (var generator in KernelCatalog.All)
        {
            IEnumerable<(string, object)[]> combinations = [[]];
            foreach (var spec in generator.Parameters.Where(p => p.Role == ParameterRole.Architecture))
                combinations = combinations.SelectMany(c => spec.SearchDomain.Select(value => c.Append((spec.Name, Value(spec, value))).ToArray())).ToList();
            foreach (var combination in combinations) yield return (generator.Family, KernelParameters.Of(combination));
        }
        // The README's main job is the 16-bit MAC; the 8-bit one is the smaller step towards it.
        foreach (var pipeline in new[] { 0, 1, 2 })
            yield return ("mac", KernelParameters.Of(("width", 8), ("pipeline", pipeline)));
    }

    private static object Value(ParameterSpec spec, string value) => spec.Kind switch
    {
        ParameterKind.Integer => int.Parse(value),
        ParameterKind.Boolean => bool.Parse(value),
        _ => value,
    };

    /// <summary>The reference synthesised to Yosys's gates (<c>synth -flatten</c>) and written back as Verilog, its top renamed.</summary>
    private static async Task<SourceFile?> NetlistAsync(ToolHost host, ToolVersions versions, SourceFile reference, string top)
    {
        const string output = "netlist.v";
        var version = await versions.RequireAsync(YosysTool.Descriptor, CancellationToken.None);
        var script = $"read_verilog -sv \"{reference.StagedName}\"\n" + $"synth -flatten -top {top}\nrename {top} {top}_netlist\nwrite_verilog -noattr {output}\n";
        var step = new ToolStep("yosys-netlist", version, new ToolInvocation("yosys", ["-q", "-s", "netlist.ys"]).WithLimits(ResourceLimits.Default))
        {
            Inputs = [InputFile.FromText(reference.StagedName, reference.Text), InputFile.FromText("netlist.ys", script)],
            Outputs = [output],
        };
        var result = await host.RunAsync(step, CancellationToken.None);
        return result.OutputText(output) is { } text ? SourceLoader.FromText($"{top}_netlist.v", text) : null;
    }
}
