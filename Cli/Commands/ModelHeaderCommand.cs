using System.CommandLine;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Commands;

/// <summary><c>hwforge model-header</c>: the C++ header a golden model of this design is written against.</summary>
public static class ModelHeaderCommand
{
    public static Command Create()
    {
        var design = new Argument<string[]>("design") { Description = "The design's sources (its ports define the header)", Arity = ArgumentArity.OneOrMore };
        var top = new Option<string>("--top") { Description = "The top module", Required = true };
        var command = new Command("model-header", "Print hwforge_model.h for writing a C++ golden model of a design (use it with verify --ref model.cpp)") { design, top, CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var host = await CommonOptions.CreateHostAsync(parse);
            var probe = await InterfaceProbe.RunAsync(host, new ToolVersions(host), SourceLoader.Load(parse.GetValue(design)!), parse.GetValue(top)!, cancellation);
            var json = parse.GetValue(CommonOptions.Json);
            var output = parse.InvocationConfiguration.Output;
            if (probe.Interface is null)
            {
                if (json) JsonOutput.Write(output, new ModelHeaderJson(parse.GetValue(top)!, null, $"the design does not elaborate: {probe.Detail}"));
                parse.InvocationConfiguration.Error.WriteLine($"hwforge: the design does not elaborate: {probe.Detail}");
                return ExitCodes.DesignFailed;
            }
            if (CppGoldenModelAbi.Unsupported(probe.Interface) is { } reason) throw new ArgumentException(reason);
            var header = CppGoldenModelAbi.Header(probe.Interface);
            if (json) JsonOutput.Write(output, new ModelHeaderJson(parse.GetValue(top)!, header, null));
            else output.Write(header);
            return ExitCodes.Ok;
        });
        return command;
    }
}

/// <summary>What <c>model-header --json</c> prints: the header's text, or why there is none.</summary>
internal sealed record ModelHeaderJson(string Top, string? Header, string? Problem);
