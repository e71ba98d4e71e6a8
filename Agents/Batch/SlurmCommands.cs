using System.ComponentModel;
using System.Diagnostics;

namespace HwForge.Agents.Batch;

/// <summary>The Slurm client tools as the executor uses them: sbatch to submit, squeue and scontrol to follow.</summary>
public static class SlurmCommands
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

    /// <summary>
    /// The final state of each array task, by task index, from <c>scontrol show job</c>. sacct needs Slurm's
    /// accounting database, which a small cluster often does not run; slurmctld keeps finished jobs for MinJobAge.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, TaskState>> TaskStatesAsync(string jobId, CancellationToken cancellation)
    {
        var (exit, stdout, _) = await RunAsync("scontrol", ["-o", "show", "job", jobId], null, cancellation);
        var states = new Dictionary<int, TaskState>();
        if (exit != 0) return states;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            if (fields.TryGetValue("ArrayTaskId", out var index) && int.TryParse(index, out var i))
                states[i] = new TaskState(fields.GetValueOrDefault("JobState", "UNKNOWN"), fields.GetValueOrDefault("ExitCode", "?"));
        }
        return states;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string tool, IReadOnlyList<string> arguments, string? folder, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (folder is not null) info.WorkingDirectory = folder;
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception)
        {
            throw new IOException($"{tool} not found: install Slurm's client tools (sandbox/install-toolchain.sh installs slurm-wlm) or use --executor local");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
            var stderr = process.StandardError.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}

/// <summary>How Slurm says an array task ended: its JobState (COMPLETED, FAILED, CANCELLED, TIMEOUT…) and ExitCode ("code:signal").</summary>
public sealed record TaskState(string State, string ExitCode);
