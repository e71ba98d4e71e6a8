using System.CommandLine;
using HwForge.Agents;
using HwForge.Agents.Design;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Llm;
using HwForge.KnowledgeBase;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Tools;
using HwForge.Tools.Catalog;
using HwForge.Tools.Judge;
using HwForge.Tools.Reward;

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
        var offline = new Option<bool>("--offline") { Description = "Use the offline catalog even when an LLM endpoint is configured" };
        var endpoint = new Option<string?>("--llm-endpoint") { Description = "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (or HWFORGE_LLM_ENDPOINT)" };
        var model = new Option<string?>("--model") { Description = "Model name at the endpoint (or HWFORGE_LLM_MODEL)" };
        var candidates = new Option<int>("--candidates") { Description = "Candidates generated at first", DefaultValueFactory = _ => 3 };
        var rounds = new Option<int>("--rounds") { Description = "Repair rounds while no candidate passed", DefaultValueFactory = _ => 3 };
        var optimize = new Option<int>("--optimize") { Description = "Optimization rounds once a candidate passed", DefaultValueFactory = _ => 3 };
        var batch = new Option<int>("--batch") { Description = "Candidates proposed per optimization round", DefaultValueFactory = _ => 3 };
        var weights = new Option<string>("--weights") { Description = "Objective weights area,delay,power (e.g. 1,1,0)", DefaultValueFactory = _ => "1,1,1" };
        var period = new Option<double>("--clock-period") { Description = "Target clock period in ns", DefaultValueFactory = _ => 10 };
        var liberty = new Option<string>("--liberty") { Description = "osu018 (default), sky130, a .lib path, or generic", DefaultValueFactory = _ => "osu018" };
        var maxCalls = new Option<int>("--max-llm-calls") { Description = "Stop asking the LLM after this many calls (0: no limit)", DefaultValueFactory = _ => 60 };
        var maxTokens = new Option<long>("--max-tokens") { Description = "Stop after this many tokens (0: no limit)", DefaultValueFactory = _ => 400_000 };
        var timeLimit = new Option<double>("--time-limit") { Description = "Stop starting new work after this many seconds (0: no limit)", DefaultValueFactory = _ => 1800 };
        var cycles = new Option<int>("--cycles") { Description = "Simulated cycles per verification", DefaultValueFactory = _ => 1000 };
        var formal = new Option<FormalMode>("--formal") { Description = "auto | on | off", DefaultValueFactory = _ => FormalMode.Auto };
        var seed = new Option<int>("--seed") { Description = "Seed of stimulus and search", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "The run folder (default: a new folder under $HWFORGE_HOME/runs)" };
        var resume = new Option<string?>("--resume") { Description = "Continue a stopped or killed run from its folder" };
        var command = new Command("design", "Design, verify and optimize a kernel from a request, with an LLM or the offline catalog")
        {
            request, spec, offline, endpoint, model, candidates, rounds, optimize, batch, weights, period, liberty,
            maxCalls, maxTokens, timeLimit, cycles, formal, seed, output, resume, CommonOptions.Accept, CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var home = HwForgeHome.FromEnvironment();
            var llm = LlmSettings.Resolve(parse.GetValue(endpoint), parse.GetValue(model), home: home);
            RunFolder run;
            if (parse.GetValue(resume) is { } resumePath)
            {
                if (parse.GetValue(request) is not null || parse.GetValue(spec) is not null || parse.GetValue(CommonOptions.Accept) is not null)
                    throw new ArgumentException("--resume continues a run as it was started (with its own --accept); give no request, --spec or --accept with it");
                run = RunFolder.Resume(resumePath);
            }
            else
            {
                var specPath = parse.GetValue(spec);
                var useLlm = !parse.GetValue(offline) && llm.IsConfigured;
                var options = new RunOptions
                {
                    Request = parse.GetValue(request),
                    Spec = specPath is null ? null : SpecFile.Load(specPath),
                    SpecPath = specPath is null ? null : Path.GetFullPath(specPath),
                    Mode = useLlm ? DesignMode.Llm : DesignMode.Offline,
                    LlmEndpoint = useLlm ? llm.Endpoint!.ToString() : null,
                    Model = useLlm ? llm.Model : null,
                    Candidates = parse.GetValue(candidates),
                    RepairRounds = parse.GetValue(rounds),
                    OptimizeRounds = parse.GetValue(optimize),
                    OptimizeBatch = parse.GetValue(batch),
                    Objectives = ParseWeights(parse.GetValue(weights)!),
                    ClockPeriodNs = parse.GetValue(period),
                    Liberty = parse.GetValue(liberty)!,
                    Budget = new RunBudget
                    {
                        MaxLlmCalls = parse.GetValue(maxCalls),
                        MaxTokens = parse.GetValue(maxTokens),
                        MaxWallTime = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
                    },
                    Cycles = parse.GetValue(cycles),
                    Formal = parse.GetValue(formal),
                    Seed = parse.GetValue(seed),
                    Accept = parse.GetValue(CommonOptions.Accept),
                }.Validated();
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
                await using var knowledge = await KnowledgeStores.OpenDefaultAsync(home.Data, cancellation);
                var strategy = DesignStrategies.For(run.Options, llm, host, versions, new KnowledgePrompts(knowledge));
                var report = await new DesignRunner(host, versions, knowledge).RunAsync(run, strategy, cancellation);
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

    private static ObjectiveWeights ParseWeights(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new ArgumentException($"--weights takes three numbers area,delay,power such as 1,1,0; got '{text}'");
        var w = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new ObjectiveWeights(w[0], w[1], w[2]);
    }
}
