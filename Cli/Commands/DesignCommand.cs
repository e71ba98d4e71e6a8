using System.CommandLine;
using HwForge.Agents;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Llm;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.KnowledgeBase;
using HwForge.Tools.Foundation;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge design</c>: from a request (or a spec file) to a verified, PPA-scored design in a run folder.
/// Exit 0 when the best design is proven equivalent (or as strongly as <c>--accept</c> asked), 3 when designs
/// passed but none is proven, 1 when none passed, 2 on usage or infrastructure errors. Progress goes
/// to stderr as it happens; the result to stdout (text, or one JSON object with --json).
/// </summary>
public static class DesignCommand
{
    public static Command Create()
    {
        var request = new Argument<string?>("request") { Description = "What to build, in plain words (or use --spec)", Arity = ArgumentArity.ZeroOrOne };
        var spec = new Option<string?>("--spec") { Description = "A spec file (YAML): a catalog family and parameters, or your module with its reference" };
        var optionsFile = new Option<string?>("--options-file") { Description = "A design job as JSON (request or specPath, and options by name), as hwforge batch writes; flags given beside it win" };
        var output = new Option<string?>("--out") { Description = "The run folder (default: a new folder under $HWFORGE_HOME/runs)" };
        var resume = new Option<string?>("--resume") { Description = "Continue a stopped or killed run from its folder" };
        var target = new Option<string?>("--target") { Description = $"The design target: {string.Join(", ", TargetRegistry.ShippedNames)} (default: the spec file's 'target', else {TargetRegistry.DefaultName})" };
        // Every run option (and every shipped target's) is a flag built from the one table.
        var flags = OptionFlags.Shipped;
        var command = new Command("design", "Design, verify and optimize a kernel from a request, with an LLM or the offline catalog")
        {
            request, spec, optionsFile, output, resume, target, CommonOptions.Json,
        };
        foreach (var flag in flags.Options) command.Options.Add(flag);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var home = HwForgeHome.FromEnvironment();
            var job = Job(parse.GetValue(optionsFile), parse.GetValue(request), parse.GetValue(spec), flags.Given(parse));
            if (parse.GetValue(target) is { } named) job = job with { Target = TargetNamed(named) };
            var llm = LlmSettings.Resolve(job.Option("llm_endpoint"), job.Option("model"), home: home, givenBy: "--llm-endpoint");
            RunFolder run;
            if (parse.GetValue(resume) is { } resumePath)
            {
                if (job.Request is not null || job.SpecPath is not null || job.Option("accept") is not null || parse.GetValue(target) is not null)
                    throw new ArgumentException("--resume continues a run as it was started (with its own --accept and --target); give no request, --spec, --accept or --target with it");
                run = RunFolder.Resume(resumePath);
            }
            else
            {
                if (job.SpecPath is null && string.IsNullOrWhiteSpace(job.Request))
                    throw new ArgumentException("nothing to design: say what to build in plain words (hwforge design \"an 8-bit adder\") or give --spec FILE");
                var options = job.ToRunOptions(llm);
                if (job.Target is { } wanted && options.Spec is { } given && !string.Equals(given.Target, wanted, StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"--target {wanted} disagrees with the spec file, whose target is {given.Target} (its 'target' key, {TargetRegistry.DefaultName} when it has none): give one of them");
                // A request the catalog refuses is refused before a run folder exists: nothing is written for it.
                if (options.Mode == DesignMode.Offline) DesignStrategies.CheckOffline(options);
                run = RunFolder.Create(parse.GetValue(output) ?? RunFolderNames.NewIn(home.Runs, options), options);
            }

            await using (run)
            {
                using var host = await CommonOptions.CreateHostAsync(parse, pooled: true);
                CommonOptions.WarnIfUnconfined(host, error);
                error.WriteLine($"run folder: {run.Path}");
                if (run.Options.Mode == DesignMode.Llm && llm.KeyWithheld is { } withheld) error.WriteLine($"-- {withheld}");
                run.Events.Appended += e => ProgressPrinter.Print(error, e);
                var versions = new ToolVersions(host);
                RunReport report;
                try
                {
                    // Opening the knowledge base is inside: a fresh home embeds the shipped corpus first, and Ctrl+C
                    // then must still name the run folder and the command that continues it.
                    await using var knowledge = await KnowledgeStores.OpenDefaultAsync(home.Data, cancellation);
                    var strategy = DesignStrategies.For(run.Options, llm, host, versions, new KnowledgePrompts(knowledge));
                    report = await new DesignRunner(host, versions, knowledge).RunAsync(run, strategy, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // Ctrl+C: what was done is in the folder, and the user needs the exact command that continues it.
                    error.WriteLine($"hwforge: cancelled; the run so far is in {run.Path}: continue it with 'hwforge design --resume {Quoted(run.Path)}'");
                    return ExitCodes.UsageOrInfrastructure;
                }
                var stdout = parse.InvocationConfiguration.Output;
                if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(stdout, report);
                else stdout.Write(ReportWriter.Markdown(report));
                return report.Accepted ? ExitCodes.Ok : report.Status switch
                {
                    RunStatus.NotProven => ExitCodes.NotProven,
                    // No design was judged: the machine's failure, not the designs'.
                    RunStatus.NotJudged => ExitCodes.UsageOrInfrastructure,
                    _ => ExitCodes.DesignFailed,
                };
            }
        });
        return command;
    }

    // Named here, before any tool is set up, so a typo lists the targets instead of failing after a run folder exists.
    private static string TargetNamed(string name) =>
        TargetRegistry.ShippedNames.FirstOrDefault(t => string.Equals(t, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"--target: no target '{name}'; the targets are {string.Join(", ", TargetRegistry.ShippedNames)}");

    private static string Quoted(string path) => path.Any(char.IsWhiteSpace) || path.Contains('\'') ? $"\"{path}\"" : path;

    // An options file gives the job; a request, --spec or flag typed beside it wins over the file's.
    private static DesignJob Job(string? optionsFile, string? request, string? spec, IReadOnlyDictionary<string, string> given)
    {
        var file = optionsFile is null ? new DesignJob() : DesignJob.Load(optionsFile);
        var options = new Dictionary<string, string>(file.Options);
        foreach (var (name, value) in given) options[name] = value;
        var fromFile = request is null && spec is null;
        return new DesignJob
        {
            Request = fromFile ? file.Request : request,
            SpecPath = fromFile ? file.SpecPath : spec,
            Target = file.Target,
            Options = options,
        };
    }
}
