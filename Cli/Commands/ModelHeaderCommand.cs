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
        var command = new Command("model-header", "Print hwforge_model.h for writing a C++ golden model of a design (use it with verify --ref model.cpp)") { design, top };
        command.SetAction(async (parse, cancellation) =>
        {
            using var host = await CommonOptions.CreateHostAsync(parse);
            var probe = await InterfaceProbe.RunAsync(host, new ToolVersions(host), SourceLoader.Load(parse.GetValue(design)!), parse.GetValue(top)!, cancellation);
            if (probe.Interface is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"hwforge: the design does not elaborate: {probe.Detail}");
                return ExitCodes.DesignFailed;
            }
            if (CppGoldenModelAbi.Unsupported(probe.Interface) is { } reason) throw new ArgumentException(reason);
            parse.InvocationConfiguration.Output.Write(CppGoldenModelAbi.Header(probe.Interface));
            return ExitCodes.Ok;
        });
        return command;
    }
}
