using System.Diagnostics;

namespace HwForge.Cli.Tests.Batch;

[Collection(BatchCollection.Name)]
public sealed class BatchTerminalTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task On_a_terminal_the_progress_is_a_bar_redrawn_in_place_and_finished_jobs_scroll_above_it()
    {
        var jobs = _hwforge.WriteFile("jobs.yaml", """
            jobs:
              - {id: cnt4, request: "a 4-bit counter", offline: true, candidates: 1, optimize: 0}
            """);
        var hwforge = Path.Combine(AppContext.BaseDirectory, "hwforge.dll");
        var command = $"dotnet '{hwforge}' batch '{jobs}' --out '{Path.Combine(_hwforge.Home, "out")}'";
        // util-linux's script gives the batch a pseudo-terminal, as a person at a shell would.
        var info = new ProcessStartInfo("script", ["-qec", command, "/dev/null"]) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        using var process = Process.Start(info)!;
        var screen = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);

        Assert.True(process.ExitCode == 0, screen);
        Assert.Contains("\r\x1b[K", screen);
        Assert.Contains("[..............................] 0/1", screen);
        Assert.Contains("running: cnt4", screen);
        Assert.Contains("[1/1] cnt4 verified", screen);
    }

    public void Dispose() => _hwforge.Dispose();
}
