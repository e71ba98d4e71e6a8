using System.Diagnostics;

namespace HwForge.Cli.Tests;

/// <summary>Ctrl+C on a design run says where the run is and the exact command that continues it.</summary>
public sealed class DesignCancelTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Ctrl_C_on_design_prints_the_run_folder_and_the_resume_command()
    {
        // A run of a minute or more (five proofs of pipelined 16-bit MACs), so that Ctrl-C finds it running: a 16-bit
        // adder's candidates are each proven in a second and the run could end before the signal arrived.
        var folder = Path.Combine(_hwforge.Home, "mac-run");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = _hwforge.Files };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hwforge.dll"), "design", "a 16-bit signed MAC with 2 pipeline stages", "--candidates", "3", "--optimize", "1", "--out", folder })
            info.ArgumentList.Add(arg);
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        using var process = Process.Start(info)!;
        var started = new TaskCompletionSource();
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.AppendLine(e.Data);
            if (e.Data.StartsWith("run folder:")) started.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(2));

        using (var interrupt = Process.Start("kill", ["-INT", $"{process.Id}"])) await interrupt.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);

        Assert.Equal(2, process.ExitCode);
        string text;
        lock (error) text = error.ToString();
        Assert.Contains($"hwforge: cancelled; the run so far is in {folder}: continue it with 'hwforge design --resume {folder}'", text);
        Assert.True(Directory.Exists(folder)); // kept for the resume
    }

    public void Dispose() => _hwforge.Dispose();
}
