using System.Diagnostics;

namespace HwForge.Cli.Tests.Batch;

/// <summary>
/// A real one-node Slurm cluster on this machine, started by <c>sandbox/start-slurm.sh</c> (idempotent). Nothing is
/// skipped: when the cluster cannot start, every Slurm test fails with the script's output, which says why.
/// </summary>
public sealed class SlurmCluster
{
    public SlurmCluster()
    {
        var script = Path.Combine(RepositoryRoot(), "sandbox", "start-slurm.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) { process.Kill(entireProcessTree: true); throw new InvalidOperationException($"{script} did not finish within 2 minutes"); }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the Slurm test cluster did not start ({script}, exit {process.ExitCode}):\n{output.Result}{error.Result}");
    }

    /// <summary>Runs a Slurm client tool (squeue, scancel) and returns what it printed.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("the tests run from inside the checkout");
    }
}
