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
        var label = $"hwforge-home={_hwforge.Home}";
        var clock = Stopwatch.StartNew();
        var seen = 0;
        while ((seen = SandboxesOf(label, warmOnly: true)) < 2 && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);

        hwforge.Kill(); // SIGKILL to hwforge alone, at once: no dispose, no cleanup code runs
        Assert.True(seen >= 2, "no warm sandboxes appeared");
        await hwforge.WaitForExitAsync();
        clock.Restart();
        while (SandboxesOf(label) > 0 && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.Equal(0, SandboxesOf(label));
        await Task.WhenAll(output, error);
    }

    /// <summary>
    /// Sandboxes started by the hwforge whose home is named in <paramref name="label"/>, each counted by
    /// its outer bubblewrap (the one not started by another bubblewrap); <paramref name="warmOnly"/>:
    /// those running the pool's waiter.
    /// </summary>
    private static int SandboxesOf(string label, bool warmOnly = false)
    {
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _)) continue;
                var words = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (Path.GetFileName(words[0]) != "bwrap" || !words.Contains(label) || (warmOnly && !words.Any(w => w.Contains("read -r line")))) continue;
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                if (!File.ReadAllText($"/proc/{parent}/cmdline").Split('\0')[0].EndsWith("bwrap")) count++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return count;
    }

    public void Dispose() => _hwforge.Dispose();
}
