using System.CommandLine;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Optimize;
using HwForge.Tools.Foundation;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge core kernels [--json]</c>: which kernel serves each op under <c>--kernels auto</c>, and where it came
/// from (the shipped set, or the manifest a <c>core optimize</c> run applied); <c>hwforge core reset</c> goes back to
/// the shipped sets. Both only read or rewrite <c>$HWFORGE_HOME/core/current</c>; no kernel is built.
/// </summary>
internal static class CoreKernelsCommand
{
    public sealed record OpKernel(Op Op, string Kernel, string Origin, double? Milliseconds, double? ShippedMilliseconds);

    public sealed record KernelsReport(string? Manifest, string? ManifestPath, string? Run, int? Threads, IReadOnlyList<OpKernel> Ops);

    public static Command CreateKernels()
    {
        var command = new Command("kernels", "Which kernel serves each op under --kernels auto, and where it came from") { CommonOptions.Json };
        command.SetAction(parse =>
        {
            var store = new ManifestStore(HwForgeHome.FromEnvironment());
            var current = store.Current();
            var ops = Enum.GetValues<Op>().Select(op =>
            {
                var entry = current?.Manifest.Entries.FirstOrDefault(e => e.Op == op);
                return entry is null
                    ? new OpKernel(op, KernelChoice.Shipped.ToString(), "shipped", null, null)
                    : new OpKernel(op, entry.Choice.ToString(), entry.Origin == "shipped" ? "shipped" : $"core optimize, {entry.Origin}", entry.Milliseconds, entry.ShippedMilliseconds);
            }).ToList();
            var report = new KernelsReport(current?.Hash, current is { } c ? store.PathOf(c.Hash) : null, current?.Manifest.Run, current?.Manifest.Threads, ops);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) { JsonOutput.Write(output, report); return ExitCodes.Ok; }
            output.WriteLine(current is null
                ? "no kernel manifest applied: every op runs on the shipped set (simd512); 'hwforge core optimize --offline' searches for faster ones"
                : $"kernel manifest {current.Value.Hash[..12]} ({report.ManifestPath}), tuned at {report.Threads} thread(s)");
            foreach (var k in ops)
                output.WriteLine($"{k.Op,-10} {k.Kernel,-42} {k.Origin}" + (k.Milliseconds is { } ms && k.ShippedMilliseconds is { } s ? $"  ({ms:0.000} ms vs shipped {s:0.000} ms)" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateReset()
    {
        var command = new Command("reset", "Go back to the shipped kernel sets (the manifests stay under HWFORGE_HOME/core/manifests)");
        command.SetAction(parse =>
        {
            var reset = new ManifestStore(HwForgeHome.FromEnvironment()).Reset();
            parse.InvocationConfiguration.Output.WriteLine(reset
                ? "kernels reset: every op runs on the shipped set again"
                : "no kernel manifest was applied: already on the shipped sets");
            return ExitCodes.Ok;
        });
        return command;
    }
}
