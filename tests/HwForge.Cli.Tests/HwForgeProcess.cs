using System.Diagnostics;

namespace HwForge.Cli.Tests;

/// <summary>What the real <c>hwforge</c> process did.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the built <c>hwforge</c> as a separate process, as a user or a script would, with its own
/// HWFORGE_HOME so tests never touch the developer's.
/// </summary>
public sealed class HwForgeProcess : IDisposable
{
    public HwForgeProcess() => Home = Directory.CreateTempSubdirectory("hwforge-cli-test-").FullName;

    public string Home { get; }

    public string Files => Directory.CreateDirectory(Path.Combine(Home, "files")).FullName;

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Files, name);
        File.WriteAllText(path, text);
        return path;
    }

    public async Task<CliRun> RunAsync(IEnumerable<string> args, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>hwforge</c> without waiting, for tests that stop it midway; its output is discarded.</summary>
    public Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args, null))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Starts <c>hwforge</c> without waiting, handing each line of its stdout to <paramref name="line"/>.</summary>
    public Process StartWithOutput(string[] args, Action<string> line)
    {
        var process = Process.Start(StartInfo(args, null))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) line(e.Data); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>hwforge</c> to the end, noting when each line of its stderr arrived (time since the start).</summary>
    public async Task<(CliRun Run, IReadOnlyList<(TimeSpan At, string Line)> ErrorLines, TimeSpan Exited)> RunTimedAsync(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var lines = new List<(TimeSpan, string)>();
        var output = new System.Text.StringBuilder();
        using var process = Process.Start(StartInfo(args, null))!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add((clock.Elapsed, e.Data)); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        var exited = clock.Elapsed;
        lock (lines) return (new CliRun(process.ExitCode, output.ToString(), string.Join('\n', lines.Select(l => l.Item2))), [.. lines], exited);
    }

    private ProcessStartInfo StartInfo(IEnumerable<string> args, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Files,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hwforge.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["HWFORGE_HOME"] = Home;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return info;
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync((IEnumerable<string>)args);

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); }
        catch (IOException) { }
    }
}
