using System.Net;
using System.Net.Sockets;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>One containment check: did the sandbox hold against this hostile program?</summary>
public sealed record ContainmentCheck(string Name, bool Held, string Detail);

/// <summary>
/// Runs hostile programs in the sandbox and checks from the host that each was contained: no
/// network, no reads or writes outside the work folder, no secrets, and every limit enforced.
/// <c>hwforge sandbox check</c> prints these; the tests assert them.
/// </summary>
public sealed partial class SandboxSelfTest(ToolHost host)
{
    public static readonly string[] CheckNames =
        ["network", "read outside", "write outside", "secrets in environment", "fork bomb", "memory bomb",
         "endless loop", "hang", "output flood", "file size", "symlink chmod", "memory across processes", "disk",
         "nested namespaces"];

    public async IAsyncEnumerable<ContainmentCheck> RunAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation = default)
    {
        yield return await NetworkAsync(cancellation);
        yield return await ReadOutsideAsync(cancellation);
        yield return await WriteOutsideAsync(cancellation);
        yield return await SecretsAsync(cancellation);
        yield return await ForkBombAsync(cancellation);
        yield return await MemoryBombAsync(cancellation);
        yield return await EndlessLoopAsync(cancellation);
        yield return await HangAsync(cancellation);
        yield return await OutputFloodAsync(cancellation);
        yield return await FileSizeAsync(cancellation);
        yield return await SymlinkChmodAsync(cancellation);
        yield return await MemoryAcrossProcessesAsync(cancellation);
        yield return await DiskAsync(cancellation);
        yield return await NestedNamespacesAsync(cancellation);
    }

    public async Task<ContainmentCheck> NetworkAsync(CancellationToken cancellation = default)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync(cancellation).AsTask();
        var script = $$"""
            perl -MIO::Socket::INET -e 'for my $a ("127.0.0.1:{{port}}", "1.1.1.1:53", "8.8.8.8:443") { my $s = IO::Socket::INET->new(PeerAddr => $a, Timeout => 2); print $s ? "CONNECTED $a\n" : "refused $a\n"; }'
            """;
        var run = await RunShellAsync(script, ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)), cancellation);
        await Task.Delay(100, CancellationToken.None);
        var reachedHost = accepted.IsCompletedSuccessfully;
        var connected = run.StandardOutput.Contains("CONNECTED");
        return new ContainmentCheck("network", !reachedHost && !connected && run.StandardOutput.Contains("refused"),
            reachedHost ? "a connection reached a server on the host's loopback"
            : connected ? "a connection succeeded: " + run.StandardOutput.Trim()
            : "no connection to the host's loopback or the internet: " + OneLine(run.StandardOutput));
    }

    public async Task<ContainmentCheck> ReadOutsideAsync(CancellationToken cancellation = default)
    {
        var secret = $"hwforge-secret-{Guid.NewGuid():N}";
        var planted = Path.Combine(host.Home.Data, $"sandbox-check-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(planted, secret, cancellation);
        try
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var targets = new[] { planted, Path.Combine(home, ".ssh"), Path.Combine(home, ".bash_history"), "/etc/shadow", "/etc/passwd", "/root" };
            var script = string.Join("\n", targets.Select(t => $"cat '{t}' 2>/dev/null; ls '{t}' 2>/dev/null && echo LISTED '{t}'"));
            var run = await RunShellAsync(script, ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)), cancellation);
            var leaked = run.StandardOutput.Contains(secret) || run.StandardOutput.Contains("LISTED");
            return new ContainmentCheck("read outside", !leaked,
                leaked ? "read outside its folder: " + OneLine(run.StandardOutput)
                : "a planted secret, the home folder, /etc/shadow and /root were all out of reach");
        }
        finally { File.Delete(planted); }
    }

    public async Task<ContainmentCheck> WriteOutsideAsync(CancellationToken cancellation = default)
    {
        var name = $"hwforge-escape-{Guid.NewGuid():N}";
        var targets = new[] { Path.Combine(host.Home.Root, name), Path.Combine(Path.GetTempPath(), name), $"/usr/{name}", $"/etc/{name}", $"/{name}" };
        var script = string.Join("\n", targets.Select(t => $"{{ echo x > '{t}'; }} 2>/dev/null")) + "\necho inside > ok.txt";
        var run = await RunShellAsync(script, ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)), cancellation, outputs: ["ok.txt"]);
        var escaped = targets.Where(File.Exists).ToList();
        foreach (var path in escaped) File.Delete(path);
        var wroteInside = run.StandardError.Length == 0 && run.ExitCode == 0;
        return new ContainmentCheck("write outside", escaped.Count == 0 && wroteInside,
            escaped.Count > 0 ? "wrote " + string.Join(", ", escaped)
            : wroteInside ? "writes to HwForge's home, host /tmp, /usr, /etc and / all failed; its own folder was writable"
            : "could not write even inside its own folder: " + OneLine(run.StandardError));
    }

    public async Task<ContainmentCheck> SecretsAsync(CancellationToken cancellation = default)
    {
        var invocation = new ToolInvocation("env", [])
            .WithEnvironment("OPENAI_API_KEY", "sk-hwforge-check")
            .WithEnvironment("HWFORGE_LLM_API_KEY", "sk-hwforge-check");
        var run = (await host.RunAsync(new ToolStep("sandbox-check", "1", invocation) { Cacheable = false }, cancellation)).Run;
        var leaked = run.StandardOutput.Contains("sk-hwforge-check") || run.StandardOutput.Contains("API_KEY");
        var hostVariables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => SandboxEnvironment.LooksSecret(k) && run.StandardOutput.Contains(k + "=")).ToList();
        return new ContainmentCheck("secrets in environment", !leaked && hostVariables.Count == 0,
            leaked || hostVariables.Count > 0 ? "secret-looking variables reached the sandbox"
            : $"only {run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length} harmless variables inside; API keys dropped");
    }

    public async Task<ContainmentCheck> ForkBombAsync(CancellationToken cancellation = default)
    {
        var marker = $"hwforge-forkbomb-{Guid.NewGuid():N}";
        var limits = ResourceLimits.Default with { MaxProcesses = 64, WallClock = TimeSpan.FromSeconds(5) };
        var run = await RunAsync(new ToolInvocation("sh", ["-c", "b() { b | b & }; b; sleep 60", marker]).WithLimits(limits), cancellation);
        await Task.Delay(200, CancellationToken.None);
        var survivors = CountProcessesWith(marker);
        var typed = run.Limit is LimitHit.Processes or LimitHit.WallClock;
        var onTime = run.Duration < limits.WallClock + TimeSpan.FromSeconds(5);
        return new ContainmentCheck("fork bomb", survivors == 0 && typed && onTime,
            survivors > 0 ? $"{survivors} processes survived the run"
            : !onTime ? $"ran {run.Duration.TotalSeconds:0.0} s past its {limits.WallClock.TotalSeconds:0} s timeout"
            : $"contained by the {limits.MaxProcesses}-process limit and killed whole ({run.Describe(limits)})");
    }

    public async Task<ContainmentCheck> MemoryBombAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default with { MemoryBytes = 256L << 20, WallClock = TimeSpan.FromSeconds(30) };
        var run = await RunShellAsync("perl -e 'my @a; push @a, \"x\" x (1 << 20) while 1;'", limits, cancellation);
        return new ContainmentCheck("memory bomb", run.Limit == LimitHit.Memory,
            run.Limit == LimitHit.Memory ? $"stopped at the {limits.MemoryBytes >> 20} MiB limit" : "not stopped by the memory limit: " + run.Describe(limits));
    }

    public async Task<ContainmentCheck> EndlessLoopAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default with { CpuSeconds = 1, WallClock = TimeSpan.FromSeconds(30) };
        var run = await RunShellAsync("while :; do :; done", limits, cancellation);
        return new ContainmentCheck("endless loop", run.Limit == LimitHit.CpuTime,
            run.Limit == LimitHit.CpuTime ? "stopped by the CPU-time limit" : "not stopped by the CPU limit: " + run.Describe(limits));
    }

    public async Task<ContainmentCheck> HangAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(1));
        var run = await RunShellAsync("sleep 600", limits, cancellation);
        return new ContainmentCheck("hang", run.TimedOut && run.ExitCode == ToolRunResult.TimeoutExitCode && run.Duration < TimeSpan.FromSeconds(10),
            run.TimedOut ? $"killed by the wall-clock limit after {run.Duration.TotalSeconds:0.0} s" : "not stopped: " + run.Describe(limits));
    }

    public async Task<ContainmentCheck> OutputFloodAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default with { OutputKillBytes = 16L << 20, CapturedOutputBytes = 4096, WallClock = TimeSpan.FromSeconds(30) };
        var run = await RunShellAsync("yes 'flooding the output'", limits, cancellation);
        var held = run.Limit == LimitHit.OutputFlood && run.StandardOutput.Length < 8192;
        return new ContainmentCheck("output flood", held,
            held ? $"stopped after {run.OutputBytes >> 20} MiB; {run.StandardOutput.Length} characters kept (head and tail)" : "not stopped: " + run.Describe(limits));
    }

    public async Task<ContainmentCheck> FileSizeAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default with { FileSizeBytes = 1L << 20, WallClock = TimeSpan.FromSeconds(30) };
        var run = await RunShellAsync("head -c 100000000 /dev/zero > big.bin", limits, cancellation);
        return new ContainmentCheck("file size", run.Limit == LimitHit.FileSize,
            run.Limit == LimitHit.FileSize ? "a 100 MB file was stopped at the 1 MiB limit" : "not stopped: " + run.Describe(limits));
    }

    private Task<ToolRunResult> RunShellAsync(string script, ResourceLimits limits, CancellationToken cancellation, IReadOnlyList<string>? outputs = null) =>
        RunAsync(new ToolInvocation("sh", ["-c", script]).WithLimits(limits), cancellation, outputs);

    private async Task<ToolRunResult> RunAsync(ToolInvocation invocation, CancellationToken cancellation, IReadOnlyList<string>? outputs = null)
    {
        var step = new ToolStep("sandbox-check", "1", invocation) { Cacheable = false, Outputs = outputs ?? [] };
        return (await host.RunAsync(step, cancellation)).Run;
    }

    private static int CountProcessesWith(string marker)
    {
        var count = 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(folder), out _) && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker)) count++;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return count;
    }

    private static string OneLine(string text)
    {
        var line = string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
