using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs.Yosys;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>One design of the corpus, judged against a copy of itself.</summary>
public sealed record SelfEquivalenceResult(string Design, string Variant, VerifyReport Report)
{
    public string Line => $"{Design} vs {Variant}: {Report.Verdict} ({Report.FailureClass}) {Report.Summary}";
}

/// <summary>
/// Every design in <c>Judge/SelfEquivalence/</c> (hand-written in the styles engineers use) judged
/// against an identical copy whose modules are renamed, and against its own Yosys netlist, renamed.
/// A design is its own file, its top module named like the file; a header is staged with every
/// design that includes it. Run once, shared by the tests that read the results.
/// </summary>
public sealed partial class SelfEquivalenceCorpus : IDisposable
{
    public const string Renamed = "renamed copy";
    public const string Netlist = "yosys netlist";

    private readonly TestHost _test = new();

    public SelfEquivalenceCorpus() => Results = RunAsync().GetAwaiter().GetResult();

    public static string Folder => Path.Combine(Repository.Root, "tests", "HwForge.Tools.Tests", "Judge", "SelfEquivalence");

    public IReadOnlyList<SelfEquivalenceResult> Results { get; }

    /// <summary>The corpus's designs: name (the top module), its file, and the headers it includes.</summary>
    public static IReadOnlyList<(string Top, SourceFile Source, IReadOnlyList<SourceFile> Headers)> Designs()
    {
        var headers = Directory.GetFiles(Folder).Where(IsHeader).ToDictionary(f => Path.GetFileName(f), SourceLoader.LoadOne);
        return [.. Directory.GetFiles(Folder).Where(f => !IsHeader(f)).Order(StringComparer.Ordinal).Select(file =>
        {
            var source = SourceLoader.LoadOne(file);
            var included = Include().Matches(source.Text).Select(m => headers[m.Groups["file"].Value]).ToList();
            return (Path.GetFileNameWithoutExtension(file), source, (IReadOnlyList<SourceFile>)included);
        })];
    }

    /// <summary>The text with every module it defines renamed (<c>x</c> to <c>x_suffix</c>), and the new top.</summary>
    public static string RenameModules(string text, string suffix)
    {
        foreach (var name in ModuleName().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList())
            text = Regex.Replace(text, $@"\b{Regex.Escape(name)}\b", name + suffix);
        return text;
    }

    private async Task<IReadOnlyList<SelfEquivalenceResult>> RunAsync()
    {
        var results = new ConcurrentBag<SelfEquivalenceResult>();
        await Parallel.ForEachAsync(Designs(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (design, cancellation) =>
        {
            var (top, source, headers) = design;
            IReadOnlyList<SourceFile> reference = [source, .. headers];
            var extension = Path.GetExtension(source.Path);
            var copy = SourceLoader.FromText($"{top}_copy{extension}", RenameModules(source.Text, "_copy"));
            results.Add(new SelfEquivalenceResult(top, Renamed, await VerifyAsync([copy, .. headers], $"{top}_copy", reference, top, cancellation)));

            var (netlist, problem) = await SynthesiseAsync(reference, top, cancellation);
            results.Add(netlist is null
                ? new SelfEquivalenceResult(top, Netlist, new VerifyReport(Verdict.Error, FailureClass.ToolError, null,
                    $"yosys could not write the netlist: {problem}", [], null, FormalResult.Skipped("no netlist"), [], null,
                    new Dictionary<string, string>(), TimeSpan.Zero))
                : new SelfEquivalenceResult(top, Netlist, await VerifyAsync([netlist], $"{top}_netlist", reference, top, cancellation)));
        });
        return [.. results.OrderBy(r => r.Design, StringComparer.Ordinal).ThenBy(r => r.Variant, StringComparer.Ordinal)];
    }

    private Task<VerifyReport> VerifyAsync(IReadOnlyList<SourceFile> design, string top, IReadOnlyList<SourceFile> reference, string referenceTop,
        CancellationToken cancellation) =>
        new Verifier(_test.Host, _test.Versions).VerifyAsync(new VerifyRequest(design, top, reference, referenceTop), cancellation);

    /// <summary>The reference synthesised to Yosys's gates and written back as Verilog, its top renamed.</summary>
    private async Task<(SourceFile? Netlist, string Problem)> SynthesiseAsync(IReadOnlyList<SourceFile> sources, string top, CancellationToken cancellation)
    {
        const string output = "netlist.v";
        var version = await _test.Versions.RequireAsync(YosysTool.Descriptor, cancellation);
        var script = YosysReading.Commands(sources.Select(s => s.StagedName)) +
                     $"synth -flatten -top {top}\nrename {top} {top}_netlist\nwrite_verilog -noattr {output}\n";
        var step = new ToolStep("yosys-netlist", version, new ToolInvocation("yosys", ["-q", "-s", "netlist.ys"]).WithLimits(ResourceLimits.Default))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.StagedName, s.Text)), InputFile.FromText("netlist.ys", script)],
            Outputs = [output],
        };
        var result = await _test.Host.RunAsync(step, cancellation);
        return result.OutputText(output) is { } text
            ? (SourceLoader.FromText($"{top}_netlist.v", text), "")
            : (null, (result.Run.StandardError + result.Run.StandardOutput).Trim());
    }

    private static bool IsHeader(string path) => Path.GetExtension(path) is ".vh" or ".svh";

    [GeneratedRegex(@"`include\s+""(?<file>[^""]+)""")]
    private static partial Regex Include();

    [GeneratedRegex(@"\bmodule\s+(?<name>[A-Za-z_][A-Za-z0-9_$]*)")]
    private static partial Regex ModuleName();

    public void Dispose() => _test.Dispose();
}
