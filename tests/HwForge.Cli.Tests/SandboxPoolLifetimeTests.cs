using System.Diagnostics;

namespace HwForge.Cli.Tests;

/// <summary>Warm sandboxes live no longer than the hwforge that started them, however it ends.</summary>
public sealed class SandboxPoolLifetimeTests : IDisposable
{
    private readonly HwForgeProcess _hwforge = new();

    [Fact]
    public async Task Killing_hwforge_takes_its_waiting_sandboxes_with_it()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = _hwforge.Files,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hwforge.dll"), "sandbox", "check" }) info.ArgumentList.Add(arg);
        info.Environment["HWFORGE_HOME"] = _hwforge.Home;
        using var hwforge = Process.Start(info)!;
        var output = hwforge.StandardOutput.ReadToEndAsync();
        var error = hwforge.StandardError.ReadToEndAsync();

        // The check's first run fills the pool; wait until its sandboxes are up and waiting.
        var work = Path.Combine(_hwforge.Home, "work");
        var clock = Stopwatch.StartNew();
        var seen = 0;
        while ((seen = SandboxesUnder(work, warmOnly: true)) < 2 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);

        hwforge.Kill(); // SIGKILL to hwforge alone, at once: no dispose, no cleanup code runs
        Assert.True(seen >= 2, "no warm sandboxes appeared");
        await hwforge.WaitForExitAsync();
        clock.Restart();
        while (SandboxesUnder(work) > 0 && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.Equal(0, SandboxesUnder(work));
        await Task.WhenAll(output, error);
    }

    /// <summary>Sandboxes under <paramref name="work"/>, one per folder; <paramref name="warmOnly"/>: those running the pool's waiter.</summary>
    private static int SandboxesUnder(string work, bool warmOnly = false)
    {
        var folders = new HashSet<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _)) continue;
                var words = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (Path.GetFileName(words[0]) != "bwrap" || (warmOnly && !words.Any(w => w.Contains("read -r line")))) continue;
                if (words.FirstOrDefault(w => w.StartsWith(work, StringComparison.Ordinal)) is { } path) folders.Add(path);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return folders.Count;
    }

    public void Dispose() => _hwforge.Dispose();
}
