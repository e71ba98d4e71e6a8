using System.CommandLine;
using HwForge.Cli.Sarif;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge verify</c>: is the design equivalent to the reference? Exit 0 proven equivalent (or as strongly
/// as <c>--accept</c> asked), 3 no difference found but not proven, 1 it is not (the design's fault), 2 usage
/// or infrastructure error.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var design = new Argument<string[]>("design") { Description = "The design's sources (for RTL: " + RtlWords.Sources + "; for HLS: C++; for CUDA: .cu)", Arity = ArgumentArity.OneOrMore };
        // Not required for CUDA, whose problem.yaml names the entry; every other target refuses a verify without it.
        var top = new Option<string?>("--top") { Description = "The design's top module (or top function; for CUDA: the problem's entry)" };
        var spec = new Option<string?>("--spec") { Description = "The problem the target reads beside the reference (CUDA: problem.yaml)" };
        var target = new Option<string>("--target") { Description = $"The design target: {string.Join(", ", TargetRegistry.ShippedNames)}", DefaultValueFactory = _ => TargetRegistry.DefaultName };
        var reference = new Option<string[]>("--ref") { Description = "The reference's sources, or one C++ golden model (.cpp)", Required = true, AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore };
        var referenceTop = new Option<string?>("--ref-top") { Description = "The reference's top module (default: --top)" };
        var clock = new Option<string?>("--clock") { Description = "The clock input (default: found by use and name)" };
        var reset = new Option<string?>("--reset") { Description = "The reset input (default: found by use and name)" };
        var cycles = new Option<int>("--cycles") { Description = "Simulated cycles", DefaultValueFactory = _ => 1000 };
        var formal = CommonOptions.Choice("--formal", "auto: prove when possible; on: a design that cannot be proven is an error; off", FormalMode.Auto);
        var depth = new Option<int>("--formal-depth") { Description = "Cycles from reset checked formally when induction does not close", DefaultValueFactory = _ => 20 };
        var formalTimeout = new Option<double>("--formal-timeout") { Description = "Seconds the proof may take (grown with the design); past them the result is bounded, not proven (exit 3)", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random stimulus", DefaultValueFactory = _ => 1 };
        var vcd = new Option<string?>("--vcd") { Description = "Write the design's waveform (VCD) here" };
        var command = new Command("verify", "Check a design against a reference: lint, compile, interface, simulation, formal equivalence")
        {
            design, top, target, reference, referenceTop, spec, clock, reset, cycles, formal, depth, formalTimeout, seed, vcd, CommonOptions.Accept, CommonOptions.Json, CommonOptions.Format,
        };
        // Options of the other targets, from their option tables (HLS: --calls).
        var targetFlags = TargetVerification.Flags(command.Options.Select(o => o.Name));
        foreach (var (_, _, flag) in targetFlags) command.Options.Add(flag);
        command.SetAction(async (parse, cancellation) =>
        {
            var targetName = parse.GetValue(target)!;
            if (!TargetRegistry.ShippedNames.Contains(targetName, StringComparer.OrdinalIgnoreCase))
                throw new ArgumentException($"--target: no target '{targetName}'; the targets are {string.Join(", ", TargetRegistry.ShippedNames)}");
            var targetOptions = TargetVerification.OptionsFor(targetName, parse, targetFlags);
            var cuda = string.Equals(targetName, CudaTarget.TargetName, StringComparison.OrdinalIgnoreCase);
            if (parse.GetValue(spec) is not null && !cuda)
                throw new ArgumentException($"--spec is an option of target {CudaTarget.TargetName}, not of target {targetName}");
            var topName = parse.GetValue(top) ?? (cuda ? "" : throw new ArgumentException("--top is required: the design's top module (or top function)"));
            if (!string.Equals(targetName, TargetRegistry.DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                // The RTL judge's own flags mean nothing to another target: refused, not silently ignored.
                if (CommonOptions.FormatOf(parse) == OutputFormat.Sarif)
                    throw new ArgumentException($"--format sarif is for target {TargetRegistry.DefaultName}; target {targetName} prints text or json");
                foreach (var rtlOnly in new Option[] { clock, reset, cycles, formal, depth, formalTimeout, vcd })
                    if (parse.GetResult(rtlOnly) is { Implicit: false })
                        throw new ArgumentException($"{rtlOnly.Name} is an option of target {TargetRegistry.DefaultName}, not of target {targetName}");
                using var targetHost = await CommonOptions.CreateHostAsync(parse, pooled: true);
                CommonOptions.WarnIfUnconfined(targetHost, parse.InvocationConfiguration.Error);
                var chosen = TargetRegistry.Create(targetHost, new ToolVersions(targetHost)).Get(targetName);
                string[] referenceFiles = parse.GetValue(spec) is { } problem ? [.. parse.GetValue(reference)!, problem] : parse.GetValue(reference)!;
                return await TargetVerification.RunAsync(parse, chosen, parse.GetValue(design)!, topName, referenceFiles,
                    parse.GetValue(referenceTop) ?? topName, parse.GetValue(seed), targetOptions,
                    parse.GetValue(CommonOptions.Accept), CommonOptions.FormatOf(parse) == OutputFormat.Json, cancellation);
            }
            var request = new RtlVerifyArguments(parse.GetValue(design)!, topName, parse.GetValue(reference)!, parse.GetValue(referenceTop))
            {
                Clock = parse.GetValue(clock),
                Reset = parse.GetValue(reset),
                Cycles = parse.GetValue(cycles),
                Seed = parse.GetValue(seed),
                Formal = parse.GetValue(formal),
                FormalDepth = parse.GetValue(depth),
                FormalTimeoutSeconds = parse.GetValue(formalTimeout),
                WantVcd = parse.GetValue(vcd) is not null,
            }.ToRequest();
            using var host = await CommonOptions.CreateHostAsync(parse, pooled: true);
            CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
            VerifyReport report;
            using (var progress = new StageProgress(parse.InvocationConfiguration.Error, "verify", StageProgress.StderrIsTerminal))
                report = await new Verifier(host, new ToolVersions(host)).VerifyAsync(request, cancellation, progress.Stage);
            if (parse.GetValue(vcd) is { } vcdPath && report.Vcd is { } bytes) await File.WriteAllBytesAsync(vcdPath, bytes, cancellation);

            var verdict = new VerifyVerdict(report, parse.GetValue(CommonOptions.Accept));
            var output = parse.InvocationConfiguration.Output;
            switch (CommonOptions.FormatOf(parse))
            {
                case OutputFormat.Json: verdict.WriteJson(output); break;
                case OutputFormat.Sarif:
                    var log = new SarifLog(CliVersion.Text, Environment.CurrentDirectory);
                    VerifySarif.Add(log, verdict, parse.GetValue(design)!, topName);
                    log.Write(output);
                    break;
                default: VerifyReportPrinter.Print(output, verdict); break;
            }
            return verdict.ExitCode;
        });
        return command;
    }
}
