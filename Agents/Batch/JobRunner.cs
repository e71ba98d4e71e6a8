using System.Diagnostics;
using System.Text;
using CliWrap;
using HwForge.Agents.Runs;

namespace HwForge.Agents.Batch;

/// <summary>
/// Runs one job as its own <c>hwforge design</c> process, so that a crash or a hang stays that job's problem:
/// a new run when the job has no run folder yet, <c>--resume</c> when an earlier batch left one behind. On
/// timeout the whole process tree is killed and the job's verdict is <c>timeout</c>. The same code runs a job
/// for the local executor and inside a Slurm task.
/// </summary>
internal static class JobRunner
{
    /// <summary>The job's result, or an <see cref="OperationCanceledException"/> when the batch itself is stopped.</summary>
    public static async Task<BatchResult> RunAsync(BatchJob job, BatchSettings settings, CancellationToken cancellation)
    {
        var layout = settings.Layout;
        var runFolder = layout.RunFolder(job.Id);
        var timeout = job.Options.TimeoutOrDefault;
        var clock = Stopwatch.StartNew();
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try
        {
            // A child of a batch that was killed on its own may still work on this run; let it finish first.
            await WaitForRunLockAsync(runFolder, timer.Token);
            var resume = File.Exists(Path.Combine(runFolder, RunFolder.OptionsFile));
            var arguments = resume ? ResumeArguments(runFolder) : StartArguments(job, layout.JobFile(job.Id), runFolder);
            var (exitCode, stdout, lastError) = await RunChildAsync(settings, [.. arguments, .. settings.GlobalArguments], layout.LogFile(job.Id), timer.Token);
            return JobOutcome.From(job.Id, exitCode, stdout, lastError, runFolder, clock.Elapsed, settings.Executor);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return JobOutcome.TimedOut(job.Id, timeout, clock.Elapsed, settings.Executor);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string? LastError)> RunChildAsync(
        BatchSettings settings, IReadOnlyList<string> arguments, string logPath, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        await using var log = new StreamWriter(logPath, append: true, new UTF8Encoding(false)) { AutoFlush = true };
        await log.WriteLineAsync($"# {DateTimeOffset.UtcNow:u} hwforge {string.Join(' ', arguments)}");
        string? lastError = null;
        var stdout = new StringBuilder();
        var command = Cli.Wrap(settings.Entry.FileName)
            .WithArguments(settings.Entry.Prefix.Concat(arguments))
            .WithValidation(CommandResultValidation.None) // the exit code is the job's verdict, read by JobOutcome
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                lock (log) log.WriteLine(line);
                if (line.Trim().Length > 0) lastError = line.Trim();
            }));
        try
        {
            // Cancelling kills the whole tree: the design command starts tools in sandboxes of their own.
            var result = await command.ExecuteAsync(cancellation);
            lock (log) log.WriteLine($"# exit code {result.ExitCode}");
            return (result.ExitCode, stdout.ToString(), lastError);
        }
        catch (OperationCanceledException)
        {
            lock (log) log.WriteLine("# killed: the job ran out of time or the batch was stopped");
            throw;
        }
    }

    // The job goes to its process as a file of options by name, read by the same table as the design command's
    // flags, so no option is spelled twice.
    private static IReadOnlyList<string> StartArguments(BatchJob job, string jobFile, string runFolder)
    {
        job.ToDesignJob().Save(jobFile);
        return ["design", "--options-file", jobFile, "--out", runFolder, "--json"];
    }

    // A run remembers its own options (run.json): continuing it needs only its folder.
    private static IReadOnlyList<string> ResumeArguments(string runFolder) => ["design", "--resume", runFolder, "--json"];

    private static async Task WaitForRunLockAsync(string runFolder, CancellationToken cancellation)
    {
        var lockPath = Path.Combine(runFolder, ".lock");
        while (File.Exists(lockPath))
        {
            using (var free = FileLock.TryTake(lockPath)) if (free is not null) return;
            await Task.Delay(500, cancellation);
        }
    }
}
