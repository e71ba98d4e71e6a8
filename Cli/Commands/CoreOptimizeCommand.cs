using System.CommandLine;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Optimize;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge core optimize [--op OP] [--offline] [--threads N] [--json]</c>: searches the offline catalog of kernel
/// variants per op, judges each (sandboxed conformance check, then a microbenchmark), re-verifies the whole models
/// on the winners and applies them as the kernel manifest. Progress on stderr; the report on stdout.
/// Exit 0 applied, 1 the end-to-end check failed (nothing applied), 2 usage or infrastructure.
/// </summary>
internal static class CoreOptimizeCommand
{
    public static Command Create()
    {
        var op = new Option<string?>("--op") { Description = $"Only this op ({string.Join(", ", Enum.GetNames<Op>())}); the others keep their current kernels" };
        var offline = new Option<bool>("--offline") { Description = "Propose candidates from the offline catalog (the only proposer so far; the default)" };
        var endpoint = new Option<string?>("--llm-endpoint") { Description = "Agents proposing kernels through an LLM: not built yet" };
        var command = new Command("optimize", "Search kernel variants per op, verify and time them, and apply the winners after an end-to-end check")
        {
            op, offline, endpoint, CoreCommand.Threads, CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(endpoint) is not null)
                throw new ArgumentException("--llm-endpoint: agents proposing kernels are not built yet; run with --offline (the catalog of variants)");
            var ops = parse.GetValue(op) is { } name ? [ParseOp(name)] : Enum.GetValues<Op>();
            var threads = CoreCommand.CheckedThreads(parse.GetValue(CoreCommand.Threads));
            var error = parse.InvocationConfiguration.Error;
            var model = CoreCommand.LoadModel();
            using var host = await CommonOptions.CreateHostAsync(parse);
            CommonOptions.WarnIfUnconfined(host, error);

            var report = await new KernelOptimizer(host, threads, line => error.WriteLine(line)).RunAsync(ops, model, cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else
            {
                foreach (var w in report.Winners)
                    output.WriteLine($"{w.Op,-10} {w.Choice,-42} {w.Milliseconds,9:0.000} ms" + (w.ShippedMilliseconds is { } s ? $"  (shipped {s:0.000} ms, {s / w.Milliseconds:0.00}x)" : ""));
                var e = report.EndToEnd;
                output.WriteLine($"MiniLM 128 tokens: {e.ShippedMiniLmMs:0.0} ms shipped -> {e.ManifestMiniLmMs:0.0} ms; decode step {e.ShippedDecodeMs:0.00} -> {e.ManifestDecodeMs:0.00} ms; embeddings within {e.MiniLmWorstDifference:E1} of the reference");
                if (report.Gemm is { } g) output.WriteLine($"GEMM {g.Size}: {g.ShippedGflops:0.0} GFLOP/s shipped -> {g.WinnerGflops:0.0} GFLOP/s");
                output.WriteLine(report.Applied
                    ? $"applied kernel manifest {report.ManifestHash[..12]}; 'hwforge core kernels' shows it, 'hwforge core reset' undoes it; run folder {report.RunFolder}"
                    : $"not applied: the models on the new kernels differ from the reference beyond tolerance; see {report.RunFolder}");
            }
            return report.Applied ? ExitCodes.Ok : ExitCodes.DesignFailed;
        });
        return command;
    }

    static Op ParseOp(string name) =>
        Enum.TryParse<Op>(name, ignoreCase: true, out var op) && Enum.IsDefined(op)
            ? op
            : throw new ArgumentException($"--op takes one of {string.Join(", ", Enum.GetNames<Op>())}, not '{name}'");
}
