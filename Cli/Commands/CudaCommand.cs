using System.CommandLine;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Cuda.Bench;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge cuda bench KERNEL.cu --baseline BASE.cu --spec problem.yaml</c>: times a kernel against a baseline on a
/// GPU (CUDA events, warm-up, L2 flush, the median of at least 100 calls, every timed output re-checked), from a
/// self-contained bundle built here with nvcc; without a GPU the bundle is written (<c>--bundle DIR</c>) to be run on
/// one, and its output read back with <c>--result</c>. Exit codes: 0 timed and matched, 1 the kernel failed (a
/// mismatch, a CUDA error, a flagged timing), 2 usage or infrastructure, 3 built but not timed (no GPU here).
/// </summary>
public static class CudaCommand
{
    public static Command Create()
    {
        var command = new Command("cuda", "CUDA kernels on a real GPU (the cuda target's verify runs on the CPU: hwforge verify --target cuda)");
        command.Subcommands.Add(CreateBench());
        return command;
    }

    private static Command CreateBench()
    {
        var kernel = new Argument<string>("kernel") { Description = "The kernel (.cu) with its host entry" };
        var baseline = new Option<string>("--baseline") { Description = "The .cu it is timed against (the problem's reference kernel, say ref.cu)", Required = true };
        var spec = new Option<string>("--spec") { Description = "The problem.yaml (entry, arguments, sizes, tolerance, bytes)", Required = true };
        var sizes = new Option<string[]>("--size") { Description = "A size to time, as NAME=COUNT pairs (\"M=1024,N=1024,K=1024\"); repeatable; the problem's sizes by default", AllowMultipleArgumentsPerToken = false };
        var bundle = new Option<string?>("--bundle") { Description = "Write the bundle (runner, sources, manifest, run.sh) to this folder, to run on a GPU machine" };
        var result = new Option<string?>("--result") { Description = "Read a bundle's output (run.sh > result.json on a GPU machine) instead of building one" };
        var repeats = new Option<int>("--repeats") { Description = "Timed calls per side and size (at least 100)", DefaultValueFactory = _ => 100 };
        var command = new Command("bench", "Time a CUDA kernel against a baseline on a GPU, or build the bundle that does it on one")
        {
            kernel, baseline, spec, sizes, bundle, result, repeats, CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            using var host = await CommonOptions.CreateHostAsync(parse);
            var error = parse.InvocationConfiguration.Error;
            var json = parse.GetValue(CommonOptions.Json);
            var progress = new Progress<string>(line => error.WriteLine($"… {line}"));
            var report = await new CudaBench(host, new ToolVersions(host)).RunAsync(new CudaBenchRequest(parse.GetValue(kernel)!, parse.GetValue(baseline)!, parse.GetValue(spec)!)
            {
                Sizes = parse.GetValue(sizes) ?? [],
                BundleFolder = parse.GetValue(bundle),
                ResultFile = parse.GetValue(result),
                Repeats = parse.GetValue(repeats),
            }, json ? null : progress, cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (json)
            {
                JsonOutput.Write(output, report);
                return report.Exit;
            }
            var word = report.Exit switch { 0 => "TIMED", 1 => "FAIL", 3 => "NOT TIMED", _ => "ERROR" };
            (report.Exit == ExitCodes.UsageOrInfrastructure ? error : output).WriteLine($"{word}: {report.Summary}");
            foreach (var line in report.Lines) output.WriteLine($"  {line}");
            return report.Exit;
        });
        return command;
    }
}
