using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace HwForge.Agents.Batch;

/// <summary>The Slurm client tools as the executor uses them: sbatch to submit, squeue to follow, sacct (and scontrol) to learn how tasks ended.</summary>
internal static class SlurmCommands
{
    /// <summary>Submits a batch script and returns the job id (sbatch --parsable prints "ID" or "ID;cluster").</summary>
    public static async Task<string> SubmitAsync(string script, string workingFolder, CancellationToken cancellation)
    {
        var (exit, stdout, stderr) = await RunAsync("sbatch", ["--parsable", script], workingFolder, cancellation);
        if (exit != 0)
            throw new IOException($"sbatch refused the job array (exit {exit}): {stderr.Trim()} — is the cluster up? (sinfo; sandbox/start-slurm.sh starts a one-node one)");
        return stdout.Trim().Split(';')[0];
    }

    /// <summary>True while any task of the array is pending or running.</summary>
    public static async Task<bool> IsActiveAsync(string jobId, CancellationToken cancellation)
    {
        var (exit, stdout, _) = await RunAsync("squeue", ["-h", "-j", jobId, "-o", "%i %T"], null, cancellation);
        // squeue fails with "Invalid job id" once slurmctld has forgotten the job: then it is certainly not active.
        return exit == 0 && stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 0;
    }

    /// <summary>How often, and how far apart, sacct is asked again while it has no final record of a task yet.</summary>
    public static int SacctAttempts { get; set; } = 10;

    public static TimeSpan SacctRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The final state of the given array tasks, by task index: from <c>sacct</c>, Slurm's accounting database, and
    /// only for tasks it has no final record of, from <c>scontrol show job</c>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, TaskState>> TaskStatesAsync(string jobId, IReadOnlySet<int> tasks, CancellationToken cancellation)
    {
        var states = new Dictionary<int, TaskState>();
        for (var attempt = 1; ; attempt++)
        {
            var accounted = await AccountedStatesAsync(jobId, cancellation);
            if (accounted is null) break; // no accounting on this cluster: asking again will not help
            foreach (var (index, state) in accounted)
                if (tasks.Contains(index) && state.IsFinal) states[index] = state;
            if (tasks.All(states.ContainsKey) || attempt >= SacctAttempts) break;
            await Task.Delay(SacctRetryDelay, cancellation);
        }
        // slurmctld hands a finished job to slurmdbd through a queue, so sacct lags a moment behind squeue, and
        // for as long as slurmdbd is down; a cluster without slurmdbd has no sacct at all. slurmctld itself still
        // knows each task for MinJobAge seconds after it ended, so it answers for what sacct cannot (yet).
        if (!tasks.All(states.ContainsKey))
            foreach (var (index, state) in await ControllerStatesAsync(jobId, cancellation))
                if (tasks.Contains(index)) states.TryAdd(index, state);
        return states;
    }

    /// <summary>Each task's record in sacct, or null when the cluster keeps no accounting (or sacct fails).</summary>
    private static async Task<IReadOnlyList<(int Index, TaskState State)>?> AccountedStatesAsync(string jobId, CancellationToken cancellation)
    {
        // -X: one line per task (its allocation), not one per step (.batch, .extern).
        var (exit, stdout, stderr) = await RunAsync("sacct", ["-j", jobId, "-X", "--format=JobID,State,ExitCode", "--parsable2", "--noheader"], null, cancellation);
        // Without slurmdbd, sacct says "Slurm accounting storage is disabled" and may still exit 0.
        if (exit != 0 || (stdout + stderr).Contains("accounting storage is disabled", StringComparison.OrdinalIgnoreCase)) return null;
        return SacctLines.Parse(jobId, stdout);
    }

    /// <summary>Each task's state as slurmctld still remembers it (for MinJobAge seconds after it ended).</summary>
    private static async Task<IReadOnlyList<(int Index, TaskState State)>> ControllerStatesAsync(string jobId, CancellationToken cancellation)
    {
        var (exit, stdout, _) = await RunAsync("scontrol", ["-o", "show", "job", jobId], null, cancellation);
        var states = new List<(int, TaskState)>();
        if (exit != 0) return states;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            var state = new TaskState(fields.GetValueOrDefault("JobState", "UNKNOWN"), fields.GetValueOrDefault("ExitCode", "?"), "scontrol");
            // Tasks that never started share one record, "ArrayTaskId=1-3%1".
            foreach (var index in SacctLines.Indices(fields.GetValueOrDefault("ArrayTaskId", "")))
                states.Add((index, state));
        }
        return states;
    }

    // A failing Slurm tool is an answer to read (its exit code and stderr), not an exception: no validation.
    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string tool, IReadOnlyList<string> arguments, string? folder, CancellationToken cancellation)
    {
        var command = Cli.Wrap(tool).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (folder is not null) command = command.WithWorkingDirectory(folder);
        try
        {
            var result = await command.ExecuteBufferedAsync(cancellation);
            return (result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (Win32Exception)
        {
            throw new IOException($"{tool} not found: install Slurm's client tools (sandbox/install-toolchain.sh installs slurm-wlm) or run the batch on this machine (the local executor)");
        }
    }
}

/// <summary>
/// How Slurm says an array task ended: its state (COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY…), its
/// ExitCode ("code:signal"), and which tool said so (sacct, or scontrol when sacct had no final record).
/// </summary>
internal sealed record TaskState(string State, string ExitCode, string Source)
{
    /// <summary>False while the task may still run: a record sacct has not updated yet.</summary>
    public bool IsFinal => State is not ("PENDING" or "RUNNING" or "REQUEUED" or "RESIZING" or "SUSPENDED" or "COMPLETING");
}
