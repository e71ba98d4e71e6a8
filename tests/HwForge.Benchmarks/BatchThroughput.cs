using System.Diagnostics;
using System.Globalization;
using System.Text;
using HwForge.Tools.Foundation;

namespace HwForge.Benchmarks;

/// <summary>
/// <c>hwforge batch</c> throughput: the same offline jobs run with 1, 2 and 4 at a time, as jobs per minute, and on
/// the local Slurm cluster. The Slurm path's overhead per job is measured apart, on jobs that end at once (a request
/// the offline catalog refuses), so that the design work's noise on a shared machine does not drown it. It runs the
/// built hwforge (<c>dotnet build Cli -c Release</c> first) with --no-cache, so every job does its real tool work.
/// </summary>
public static class BatchThroughput
{
    private static readonly string[] Requests = ["a 4-bit adder", "an 8-bit adder", "a 12-bit adder", "a 16-bit adder", "a 4-bit counter", "an 8-bit counter"];

    public static async Task<string> RunAsync(HwForgeHome home, string root, int jobCount)
    {
        var hwforge = FindHwForge(root);
        var jobs = Path.Combine(home.Root, "jobs.yaml");
        var text = new StringBuilder("defaults: {offline: true, candidates: 1, optimize: 0, timeout: 600}\njobs:\n");
        for (var i = 0; i < jobCount; i++)
            text.Append(CultureInfo.InvariantCulture, $"  - {{id: job{i:00}, request: \"{Requests[i % Requests.Length]}\", seed: {i + 1}}}\n");
        await File.WriteAllTextAsync(jobs, text.ToString());

        var rows = new StringBuilder($"""
            Load average at the start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}.
            {jobCount} offline jobs ({string.Join(", ", Requests.Take(Math.Min(jobCount, Requests.Length)))}, …), 1 candidate each, no optimization, tool cache off; {Environment.ProcessorCount} cores.

            | executor | parallel | wall time | jobs per minute | mean job time inside the batch |
            |---|---|---|---|---|

            """);
        var local = new Dictionary<int, double>();
        foreach (var parallel in new[] { 1, 2, 4 })
        {
            var (seconds, jobSeconds) = await RunBatchAsync(hwforge, home, jobs, "local", parallel);
            local[parallel] = seconds;
            rows.AppendLine(Row("local", parallel, seconds, jobSeconds, jobCount));
        }
        if (await SlurmAvailableAsync())
        {
            var (seconds, jobSeconds) = await RunBatchAsync(hwforge, home, jobs, "slurm", 2);
            rows.AppendLine(Row("slurm (one node)", 2, seconds, jobSeconds, jobCount));
            rows.AppendLine().AppendLine(await OverheadAsync(hwforge, home, jobCount));
        }
        else
        {
            rows.AppendLine().AppendLine("Slurm not measured: no cluster answers `sinfo` (start one with `sandbox/start-slurm.sh`).");
        }
        return rows.ToString();
    }

    // Jobs that stop at once leave only what the path itself costs: starting hwforge, and on Slurm also
    // sbatch, scheduling, the task's own hwforge and squeue polling. Three rounds each, the median kept.
    private static async Task<string> OverheadAsync(string hwforge, HwForgeHome home, int jobCount)
    {
        var jobs = Path.Combine(home.Root, "empty-jobs.yaml");
        var text = new StringBuilder("defaults: {offline: true}\njobs:\n");
        for (var i = 0; i < jobCount; i++) text.Append(CultureInfo.InvariantCulture, $"  - {{id: empty{i:00}, request: \"an AES-128 encryption core\"}}\n");
        await File.WriteAllTextAsync(jobs, text.ToString());
        var local = new List<double>();
        var slurm = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            local.Add((await RunBatchAsync(hwforge, home, jobs, "local", 2, $"-{round}")).Seconds);
            slurm.Add((await RunBatchAsync(hwforge, home, jobs, "slurm", 2, $"-{round}")).Seconds);
        }
        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        return string.Create(CultureInfo.InvariantCulture, $"""
            Overhead of the path alone, {jobCount} jobs that stop at once, 2 at a time, median of 3: local {Median(local):0.0} s, Slurm {Median(slurm):0.0} s.
            **Slurm path overhead: {(Median(slurm) - Median(local)) / jobCount:0.00} s per job** over the local executor.
            """);
    }

    private static string Row(string executor, int parallel, double seconds, double jobSeconds, int jobs) =>
        string.Create(CultureInfo.InvariantCulture, $"| {executor} | {parallel} | {seconds:0.0} s | {jobs / (seconds / 60):0.0} | {jobSeconds:0.0} s |");

    private static async Task<(double Seconds, double MeanJobSeconds)> RunBatchAsync(string hwforge, HwForgeHome home, string jobs, string executor, int parallel, string tag = "")
    {
        var output = Path.Combine(home.Root, $"out-{Path.GetFileNameWithoutExtension(jobs)}-{executor}-{parallel}{tag}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { hwforge, "batch", jobs, "--out", output, "--executor", executor, "--parallel", parallel.ToString(CultureInfo.InvariantCulture), "--no-cache" })
            info.ArgumentList.Add(argument);
        info.Environment["HWFORGE_HOME"] = home.Root;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode == 2) Console.Error.WriteLine($"batch {executor} x{parallel} exited {process.ExitCode}: {await stderr}");
        var jobSeconds = File.ReadAllLines(Path.Combine(output, "results.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("seconds").GetDouble()).DefaultIfEmpty(0).Average();
        await stdout;
        return (seconds, jobSeconds);
    }

    private static async Task<bool> SlurmAvailableAsync()
    {
        try
        {
            using var sinfo = Process.Start(new ProcessStartInfo("sinfo", "-h -o %T") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var state = await sinfo.StandardOutput.ReadToEndAsync();
            await sinfo.WaitForExitAsync();
            return sinfo.ExitCode == 0 && state.Trim().Length > 0 && !state.Contains("down");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string FindHwForge(string root)
    {
        var built = new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "Cli", "bin", c, "net10.0", "hwforge.dll")).Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
        return built ?? throw new InvalidOperationException("hwforge is not built: run 'dotnet build Cli -c Release' first");
    }
}
