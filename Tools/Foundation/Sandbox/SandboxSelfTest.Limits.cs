using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>The checks on what a run can do to the host through its folder, its memory and disk in all, and namespaces.</summary>
public sealed partial class SandboxSelfTest
{
    /// <summary>The step name of a check that must start its own sandbox (a /work of another size cannot be served warm).</summary>
    public const string ColdCheckTool = "sandbox-check-cold";

    private const UnixFileMode AllAccess = (UnixFileMode)0x1FF;

    /// <summary>
    /// A caller's folder (as <c>sandbox exec --workdir</c> passes it) holding a link to a host folder,
    /// the trap an earlier run could leave: afterwards no host folder's mode has changed, the caller's
    /// own folders keep theirs, and nothing is left world-writable, while what the run made came back.
    /// </summary>
    public async Task<ContainmentCheck> SymlinkChmodAsync(CancellationToken cancellation = default)
    {
        var root = Path.Combine(host.Home.Data, $"sandbox-check-{Guid.NewGuid():N}");
        var hostOnly = Directory.CreateDirectory(Path.Combine(root, "host-only", "inner")).Parent!.FullName;
        var workdir = Directory.CreateDirectory(Path.Combine(root, "workdir", "sub")).Parent!.FullName;
        try
        {
            File.SetUnixFileMode(hostOnly, (UnixFileMode)0x1E8); // 0750
            File.SetUnixFileMode(Path.Combine(hostOnly, "inner"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.CreateSymbolicLink(Path.Combine(workdir, "link"), hostOnly);
            File.CreateSymbolicLink(Path.Combine(workdir, "sub", "up"), root);
            var before = FolderModes(root);
            var script = "chmod 777 link link/inner sub/up . sub 2>/dev/null; echo x > link/planted 2>/dev/null; " +
                         "mkdir -p made/deeper && echo made > made/deeper/out.txt && chmod 777 made made/deeper; ln -sfn / sub/root";
            var invocation = new ToolInvocation("sh", ["-c", script]) { WorkingDirectory = workdir, Limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)) };
            var run = await host.RunInAsync(invocation, cancellation);
            var after = FolderModes(root);
            var changed = before.Where(b => after.GetValueOrDefault(b.Key) != b.Value).Select(b => Path.GetRelativePath(root, b.Key)).ToList();
            var open = after.Where(a => (a.Value & AllAccess) == AllAccess).Select(a => Path.GetRelativePath(root, a.Key)).ToList();
            var planted = File.Exists(Path.Combine(hostOnly, "planted"));
            var cameBack = File.Exists(Path.Combine(workdir, "made", "deeper", "out.txt"));
            var held = changed.Count == 0 && open.Count == 0 && !planted && cameBack;
            return new ContainmentCheck("symlink chmod", held,
                changed.Count > 0 ? "modes changed: " + string.Join(", ", changed)
                : open.Count > 0 ? "left world-writable: " + string.Join(", ", open)
                : planted ? "a file was written through the link into the host folder"
                : !cameBack ? "what the run made did not come back: " + run.Describe(invocation.Limits) + " " + OneLine(run.StandardError)
                : "links to host folders in the work folder were not followed; every folder kept its mode, none left 0777");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Seventy-two processes that each want 32 MiB, more than the bound allows in all (a cgroup's memory
    /// limit, or processes × address space under rlimits alone); measured from the host while they
    /// hold what they got, their memory together stays within the bound.
    /// </summary>
    public async Task<ContainmentCheck> MemoryAcrossProcessesAsync(CancellationToken cancellation = default)
    {
        const int processes = 72;
        const long wanted = 32L << 20;
        var marker = $"hwforge-memory-{Guid.NewGuid():N}";
        var limits = ResourceLimits.Default with
        {
            TotalMemoryBytes = 128L << 20, MemoryBytes = 64L << 20, MaxProcesses = 96, WallClock = TimeSpan.FromSeconds(12),
        };
        var control = (host.Sandbox as BubblewrapSandbox)?.Control;
        var bound = control?.TotalMemoryBound(limits) ?? long.MaxValue;
        // Perl forks them, so that a refused fork (the process limit) stops no one; each allocates after its fork.
        var script = $"perl -e 'my ($n, $bytes) = @ARGV; for (1..$n) {{ my $p = fork; next unless defined $p; " +
                     $"if ($p == 0) {{ my $s = \"x\" x $bytes; sleep 30; exit }} }} sleep 30' {processes} {wanted} {marker}";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = RunShellAsync(script, limits, done.Token);
        // Read from the host while they hold what they got, until two readings agree (or time is short: the
        // run is killed at its timeout). The worst reading counts; it adds up processes one after another, so
        // while the kernel is still killing some it can run a little over what was ever held at once.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        var (count, held) = MemoryOf(marker);
        var (lastCount, lastHeld) = (count, held);
        while (clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(400), cancellation);
            var reading = MemoryOf(marker);
            if (reading.Bytes > held) (count, held) = reading;
            if (reading == (lastCount, lastHeld)) break;
            (lastCount, lastHeld) = reading;
        }
        // Measured: the processes are of no more use, so the run is stopped rather than left to its timeout.
        done.Cancel();
        var stopped = "";
        try { stopped = (await running).Describe(limits); }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested) { stopped = "stopped once measured"; }
        var ok = control is not null && bound < processes * wanted && held <= bound + bound / 8 && count > 0;
        return new ContainmentCheck("memory across processes", ok,
            control is null ? "no bound on memory across processes (not sandboxed)"
            : count == 0 ? "no allocating process was running to measure: " + stopped
            : !ok ? $"{count} processes held {held >> 20} MiB together, over the bound of {bound >> 20} MiB"
            : $"{processes} processes asked for {processes * wanted >> 20} MiB in all; at most {held >> 20} MiB was held ({count} processes), within {bound >> 20} MiB");
    }

    /// <summary>Many 1 MiB files written past a 16 MiB /work: stopped at the cap as a disk-space limit; the root and /dev are read-only.</summary>
    public async Task<ContainmentCheck> DiskAsync(CancellationToken cancellation = default)
    {
        var limits = ResourceLimits.Default with { WorkBytes = 16L << 20, WallClock = TimeSpan.FromSeconds(30) };
        var script = "for f in /written /dev/written /dev/shm/written; do echo x 2>/dev/null > $f && echo WROTE $f; done; " +
                     "i=0; while [ $i -lt 200 ] && head -c 1048576 /dev/zero > f$i 2>/dev/null; do i=$((i+1)); done; echo $i files";
        var step = new ToolStep(ColdCheckTool, "1", new ToolInvocation("sh", ["-c", script]).WithLimits(limits)) { Cacheable = false };
        var run = (await host.RunAsync(step, cancellation)).Run;
        var files = int.TryParse(run.StandardOutput.Split('\n').LastOrDefault(l => l.EndsWith(" files"))?.Split(' ')[0], out var n) ? n : -1;
        var held = run.Limit == LimitHit.DiskSpace && files is >= 0 and < 17 && !run.StandardOutput.Contains("WROTE");
        return new ContainmentCheck("disk", held,
            run.StandardOutput.Contains("WROTE") ? "wrote outside /work and /tmp: " + OneLine(run.StandardOutput)
            : held ? $"stopped after {files} files of 1 MiB at the 16 MiB cap of /work, as a disk-space limit; / and /dev are read-only"
            : $"not stopped at the cap ({files} files of 1 MiB): " + run.Describe(limits));
    }

    /// <summary>A run cannot make a user namespace of its own (where it would be root, with all the kernel interfaces that opens).</summary>
    public async Task<ContainmentCheck> NestedNamespacesAsync(CancellationToken cancellation = default)
    {
        var script = "unshare -U true 2>/dev/null && echo MADE-USERNS; unshare -Ur true 2>/dev/null && echo MADE-ROOT-USERNS; " +
                     "bwrap --unshare-user --dev-bind / / true 2>/dev/null && echo MADE-BWRAP; echo tried";
        var run = await RunShellAsync(script, ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)), cancellation);
        var made = run.StandardOutput.Contains("MADE");
        return new ContainmentCheck("nested namespaces", !made && run.StandardOutput.Contains("tried"),
            made ? "made a user namespace: " + OneLine(run.StandardOutput)
            : run.StandardOutput.Contains("tried") ? "unshare -U, unshare -Ur and bwrap --unshare-user were all refused"
            : "the check did not run: " + run.Describe(ResourceLimits.Default));
    }

    /// <summary>Every folder's mode under <paramref name="root"/>, not going through links.</summary>
    private static Dictionary<string, UnixFileMode> FolderModes(string root)
    {
        var modes = new Dictionary<string, UnixFileMode> { [root] = File.GetUnixFileMode(root) };
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories())
        {
            if (folder.LinkTarget is not null) continue;
            foreach (var (path, mode) in FolderModes(folder.FullName)) modes[path] = mode;
        }
        return modes;
    }

    /// <summary>
    /// The processes whose command line holds <paramref name="marker"/>, and the anonymous memory
    /// they hold together: proportional set sizes, so pages a fork still shares count once.
    /// </summary>
    private static (int Count, long Bytes) MemoryOf(string marker)
    {
        var (count, kilobytes) = (0, 0L);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(folder), out _) || !File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker)) continue;
                var rollup = File.ReadAllLines(Path.Combine(folder, "smaps_rollup"));
                var line = rollup.FirstOrDefault(l => l.StartsWith("Pss_Anon:")) ?? rollup.First(l => l.StartsWith("Pss:"));
                kilobytes += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException) { }
        }
        return (count, kilobytes << 10);
    }
}
