using System.CommandLine;
using HwForge.Agents.Batch;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge batch JOBS.yaml --out DIR</c>: many design jobs, unattended, each its own <c>hwforge design</c>
/// process, on this machine or as a Slurm job array. Running the same command again after an interruption
/// skips the finished jobs. Exit 0 when every job produced a verified (proven) design, or one its <c>accept:</c>
/// allows; 3 when the others passed without a proof; 1 when a job failed or did not finish; 2 on bad input or
/// infrastructure errors (reported before any job runs).
/// </summary>
public static class BatchCommand
{
    public static Command Create()
    {
        var jobsFile = new Argument<string?>("jobs") { Description = "The jobs file (YAML): 'defaults' and a list of 'jobs'", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "The batch folder: runs/, results.jsonl, summary.md (reuse it to resume)" };
        var parallel = new Option<int>("--parallel") { Description = "Jobs running at once (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var executor = new Option<string>("--executor") { Description = "local (this machine) or slurm (a job array via sbatch)", DefaultValueFactory = _ => "local" };
        executor.AcceptOnlyFromAmong("local", "slurm");
        // What each Slurm array task runs; not for people, so not in the help.
        var slurmTask = new Option<string?>("--slurm-task") { Hidden = true };
        var command = new Command("batch", "Run many design jobs from a jobs file, resumably, locally or on a Slurm cluster")
        {
            jobsFile, output, parallel, executor, slurmTask, CommonOptions.Json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(slurmTask) is { } taskList)
                return await SlurmTask.RunAsync(taskList, Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID"), cancellation);

            var path = parse.GetValue(jobsFile) ?? throw new ArgumentException("give a jobs file: hwforge batch JOBS.yaml --out DIR");
            var folder = parse.GetValue(output) ?? throw new ArgumentException("give the batch folder with --out DIR (the same folder again resumes the batch)");
            var width = parse.GetValue(parallel);
            if (width < 1) throw new ArgumentException("--parallel must be 1 or more");
            var jobs = JobsFile.Load(path); // every input error surfaces here, before anything runs

            var settings = new BatchSettings(BatchLayout.At(folder), HwForgeEntry.Current()) { GlobalArguments = GlobalArguments(parse) };
            IBatchExecutor chosen = parse.GetValue(executor) == "slurm" ? new SlurmExecutor(width) : new LocalExecutor(width);
            var error = parse.InvocationConfiguration.Error;
            var progress = new BatchProgressPrinter(error, jobs.Count, interactive: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
            var outcome = await new BatchRunner(settings, chosen, progress).RunAsync(jobs, cancellation);
            progress.Done(outcome, settings.Layout);

            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(parse.InvocationConfiguration.Output, BatchJsonReport.From(outcome, settings.Layout));
            else parse.InvocationConfiguration.Output.WriteLine($"{BatchProgressPrinter.Counts(outcome)}; see {settings.Layout.Summary}");
            return outcome.AllAccepted ? ExitCodes.Ok : outcome.OnlyUnproven ? ExitCodes.NotProven : ExitCodes.DesignFailed;
        });
        return command;
    }

    // The children must run the way the batch was asked to: same sandbox choice, same cache choice.
    private static IReadOnlyList<string> GlobalArguments(ParseResult parse) =>
    [
        .. parse.GetValue(CommonOptions.UnsafeNoSandbox) ? [HwForge.Tools.Foundation.Sandbox.UnsafeNoSandbox.OptionName] : Array.Empty<string>(),
        .. parse.GetValue(CommonOptions.NoCache) ? ["--no-cache"] : Array.Empty<string>(),
    ];
}
