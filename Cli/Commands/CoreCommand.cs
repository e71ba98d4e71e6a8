using System.CommandLine;
using HwForge.InferenceCore.Bench;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.MiniLm;
using HwForge.InferenceCore.Optimize;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge core embed|bench|optimize|kernels|reset</c>: the inference core (issue 17). embed prints the
/// all-MiniLM-L6-v2 embedding of a text computed on HwForge's own kernels; bench prints GEMM and MiniLM figures per
/// kernel set; optimize, kernels and reset live in CoreOptimizeCommand and CoreKernelsCommand. Exit codes: 0 done,
/// 1 an optimized manifest failed its end-to-end check and was not applied, 2 usage or infrastructure.
/// </summary>
public static class CoreCommand
{
    public sealed record EmbedReport(string Text, string Kernels, int Threads, int Tokens, int Dimensions, float[] Embedding);

    public sealed record BenchReport(string Machine, int Threads, IReadOnlyList<BenchRow> Rows);

    internal static readonly Option<string> Kernels = new("--kernels")
    {
        Description = "Kernel set: simd512, simd256, reference, native (C++ built in the sandbox) or auto (the applied manifest)",
        DefaultValueFactory = _ => "simd512",
    };

    internal static readonly Option<int> Threads = new("--threads") { Description = "Threads the kernels may use", DefaultValueFactory = _ => 1 };

    public static Command Create()
    {
        var command = new Command("core", "The inference core: transformer models on HwForge's own kernel sets");
        command.Subcommands.Add(CreateEmbed());
        command.Subcommands.Add(CreateBench());
        command.Subcommands.Add(CoreOptimizeCommand.Create());
        command.Subcommands.Add(CoreKernelsCommand.CreateKernels());
        command.Subcommands.Add(CoreKernelsCommand.CreateReset());
        return command;
    }

    static Command CreateEmbed()
    {
        var text = new Argument<string>("text") { Description = "The text to embed (cut at 256 word pieces, as sentence-transformers does)" };
        var command = new Command("embed", "The 384-dimension all-MiniLM-L6-v2 sentence embedding of a text, L2-normalised") { text, Kernels, Threads, CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            var set = await ResolveAsync(parse, parse.GetValue(Kernels)!, CheckedThreads(parse.GetValue(Threads)), cancellation);
            var model = LoadModel();
            var ids = model.Tokenizer.Encode(parse.GetValue(text)!);
            var embedding = new MiniLmEncoder(model, set).EmbedIds(ids);
            var report = new EmbedReport(parse.GetValue(text)!, set.Name, set.Threads, ids.Length, embedding.Length, embedding);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else
            {
                // 384 numbers are for programs (--json); a person checks the shape, the norm and the head.
                var norm = Math.Sqrt(embedding.Sum(x => (double)x * x));
                output.WriteLine($"{report.Tokens} tokens, {report.Dimensions} dimensions, norm {norm:0.000000}, kernels {report.Kernels} ({report.Threads} thread(s))");
                output.WriteLine("first 8: " + string.Join(' ', embedding.Take(8).Select(x => x.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture))) +
                    " ... (--json for all)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command CreateBench()
    {
        var noModel = new Option<bool>("--gemm-only") { Description = "Only the GEMM sizes, without loading MiniLM" };
        var withNative = new Option<bool>("--native") { Description = "Also the native set (built in the sandbox on first use) and the applied manifest, if any" };
        var command = new Command("bench", "GEMM GFLOP/s and MiniLM ms per sequence for every kernel set, against the fp32 roofline") { Threads, noModel, withNative, CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            var threads = CheckedThreads(parse.GetValue(Threads));
            var model = parse.GetValue(noModel) ? null : LoadModel();
            var json = parse.GetValue(CommonOptions.Json);
            var output = parse.InvocationConfiguration.Output;
            var others = new List<IKernelSet>();
            if (parse.GetValue(withNative))
            {
                others.Add(await ResolveAsync(parse, "native", threads, cancellation));
                var auto = await ResolveAsync(parse, "auto", threads, cancellation);
                if (auto is ComposedKernels) others.Add(auto);
            }
            if (!json) output.WriteLine($"{Roofline.Machine}; {threads} thread(s); GFLOP/s over CPU time per thread (see docs/BENCHMARKS.md)");
            var rows = new List<BenchRow>();
            foreach (var row in CoreBench.Run(threads, model, others: others))
            {
                rows.Add(row);
                // Rows appear as they are measured: the whole table takes about half a minute.
                if (!json) output.WriteLine(Format(row));
            }
            if (json) JsonOutput.Write(output, new BenchReport(Roofline.Machine, threads, rows));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A set by name; only native and auto need the sandbox (to build C++), so only they start a host.</summary>
    internal static async Task<IKernelSet> ResolveAsync(ParseResult parse, string name, int threads, CancellationToken cancellation)
    {
        if (name is not ("native" or "auto")) return KernelSets.ByName(name, threads);
        using var host = await CommonOptions.CreateHostAsync(parse);
        CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
        return await new KernelResolver(host).ByNameAsync(name, threads, cancellation);
    }

    /// <summary>The weights, or the package's absence said as what to run (an ArgumentException prints as one line).</summary>
    internal static MiniLmModel LoadModel()
    {
        try { return MiniLmModel.Load(); }
        catch (MiniLmNotFoundException e) { throw new ArgumentException(e.Message); }
    }

    static string Format(BenchRow r) =>
        $"{r.Workload,-7} {r.Size,-16} {r.Kernels,-14} {r.Milliseconds,10:0.000} ms wall {r.CpuMilliseconds,10:0.000} ms cpu {r.Gflops,7:0.0} GFLOP/s {r.PercentOfRoofline,4:0}% of roofline" +
        (r.Note is null ? "" : $"  ({r.Note})");

    internal static int CheckedThreads(int threads) =>
        threads is >= 1 and <= 256 ? threads : throw new ArgumentException($"--threads must be between 1 and 256, got {threads}");
}
