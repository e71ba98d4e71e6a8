using System.Collections.Concurrent;
using System.Text.Json;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Programs;

/// <summary>A tool's probed version, or why it could not be had.</summary>
public sealed record ToolVersion(ToolDescriptor Tool, string? Path, string? Version, string? Problem)
{
    public bool Available => Version is not null;
}

/// <summary>
/// Probes tool versions in the sandbox, once per binary: the answer is remembered on disk under the
/// binary's path, size and time, so later processes pay a stat, not a tool start.
/// </summary>
public sealed class ToolVersions(ToolHost host)
{
    private readonly ConcurrentDictionary<string, Task<ToolVersion>> _probes = new();

    // The probe is shared by every caller, so it must not die with the first caller's token: a cancelled
    // verification would otherwise leave a cancelled probe behind and fail every later one. Each caller
    // stops waiting on its own token instead; a probe that failed is dropped so the next caller retries.
    public Task<ToolVersion> GetAsync(ToolDescriptor tool, CancellationToken cancellation = default)
    {
        var probe = _probes.GetOrAdd(tool.Name, _ => ProbeAsync(tool, CancellationToken.None));
        if (probe.IsFaulted || probe.IsCanceled) _probes.TryRemove(new KeyValuePair<string, Task<ToolVersion>>(tool.Name, probe));
        return probe.WaitAsync(cancellation);
    }

    /// <summary>The version, or <see cref="ToolNotFoundException"/> with the install hint.</summary>
    public async Task<string> RequireAsync(ToolDescriptor tool, CancellationToken cancellation = default)
    {
        var version = await GetAsync(tool, cancellation).ConfigureAwait(false);
        return version.Version ?? throw (version.Path is null
            ? new ToolNotFoundException(tool.Executable)
            : new ToolNotFoundException(tool.Executable, version.Problem ?? "its version could not be read"));
    }

    private async Task<ToolVersion> ProbeAsync(ToolDescriptor tool, CancellationToken cancellation)
    {
        var path = FindOnPath(tool.Executable);
        if (path is null) return new ToolVersion(tool, null, null, $"not found on PATH: run sandbox/install-toolchain.sh (Debian package {tool.DebianPackage})");

        var info = new FileInfo(path);
        var identity = $"{tool.Name}|{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        var memoPath = System.IO.Path.Combine(host.Home.Cache, "tool-versions.json");
        var memo = ReadMemo(memoPath);
        if (memo.TryGetValue(identity, out var known)) return new ToolVersion(tool, path, known, null);

        var step = new ToolStep(tool.Name, "probe", new ToolInvocation(tool.Executable, tool.VersionArguments)
            .WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(30)))) { Cacheable = false };
        var run = (await host.RunAsync(step, cancellation).ConfigureAwait(false)).Run;
        var output = run.StandardOutput + run.StandardError;
        if (run.Limit != LimitHit.None || string.IsNullOrWhiteSpace(output))
            return new ToolVersion(tool, path, null, $"found at {path} but it did not run in the sandbox ({run.Describe(step.Invocation.Limits)}): {output.Trim()}");

        var version = tool.ParseVersion(output);
        memo[identity] = version;
        WriteMemo(memoPath, memo);
        return new ToolVersion(tool, path, version, null);
    }

    public static string? FindOnPath(string executable)
    {
        if (executable.Contains('/')) return File.Exists(executable) ? executable : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            var candidate = System.IO.Path.Combine(folder, executable);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The memo as last read, per file and write time: a process asks it once, not once per tool and host.</summary>
    private static readonly ConcurrentDictionary<string, (DateTime Written, Dictionary<string, string> Memo)> MemoReads = new();

    private static Dictionary<string, string> ReadMemo(string path)
    {
        try
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (MemoReads.TryGetValue(path, out var known) && known.Written == written) return new Dictionary<string, string>(known.Memo);
            var memo = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
            MemoReads[path] = (written, memo);
            return new Dictionary<string, string>(memo);
        }
        catch (Exception e) when (e is IOException or JsonException) { return []; }
    }

    private static void WriteMemo(string path, Dictionary<string, string> memo)
    {
        lock (typeof(ToolVersions))
        {
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(memo));
            File.Move(temporary, path, overwrite: true);
        }
    }
}
