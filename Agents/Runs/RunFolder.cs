using System.Text;
using System.Text.Json;
using HwForge.Tools.Foundation;

namespace HwForge.Agents.Runs;

/// <summary>
/// A run on disk: <c>run.json</c> (what was asked, written first), <c>events.jsonl</c>, <c>spec/</c>,
/// <c>candidates/ID/</c>, <c>final/</c>, <c>report.json</c> and <c>report.md</c>. One process works on a
/// run at a time (a lock the kernel drops if the process dies); files are written whole or not at all.
/// </summary>
public sealed class RunFolder : IAsyncDisposable
{
    public const string OptionsFile = "run.json";
    public const string EventsFile = "events.jsonl";
    public const string ReportJsonFile = "report.json";
    public const string ReportMarkdownFile = "report.md";
    private const string LockFile = ".lock";

    private readonly FileStream _lock;

    private RunFolder(string path, RunOptions options, FileStream lockHandle)
    {
        Path = path;
        Options = options;
        _lock = lockHandle;
        Events = EventLog.Open(System.IO.Path.Combine(path, EventsFile));
        Journal = new StepJournal(Events);
    }

    public string Path { get; }

    public RunOptions Options { get; }

    public EventLog Events { get; }

    public StepJournal Journal { get; }

    /// <summary>The run's id: its folder's name.</summary>
    public string Id => System.IO.Path.GetFileName(Path);

    /// <summary>Starts a new run in <paramref name="path"/>, which must not hold a run already.</summary>
    public static RunFolder Create(string path, RunOptions options)
    {
        path = System.IO.Path.GetFullPath(path);
        if (File.Exists(System.IO.Path.Combine(path, OptionsFile)))
            throw new HwForgeException(ProblemKind.RunExists, $"{path} already holds a run") { Subject = path }; // the CLI says how to continue it
        Directory.CreateDirectory(path);
        var lockHandle = TakeLock(path);
        WriteAtomically(System.IO.Path.Combine(path, OptionsFile), JsonSerializer.Serialize(options, RunJson.Options));
        return new RunFolder(path, options, lockHandle);
    }

    /// <summary>Opens a stopped or killed run to continue it.</summary>
    public static RunFolder Resume(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        var optionsPath = System.IO.Path.Combine(path, OptionsFile);
        if (!File.Exists(optionsPath))
            throw new HwForgeException(ProblemKind.InvalidInput, $"{path} is not a HwForge run folder (no {OptionsFile}).");
        var lockHandle = TakeLock(path);
        try
        {
            return new RunFolder(path, RunOptionsFile.Read(optionsPath), lockHandle);
        }
        catch
        {
            // A run that cannot be read is left exactly as it was, and free for the next attempt.
            lockHandle.Dispose();
            throw;
        }
    }

    public string CandidateFolder(string candidateId) => Ensure("candidates", candidateId);

    public string SpecFolder => Ensure("spec");

    public string FinalFolder => Ensure("final");

    /// <summary>Writes a file inside the run, whole or not at all, and returns its path.</summary>
    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        if (!full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{relativePath} is outside the run folder.");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        WriteAtomically(full, text);
        return full;
    }

    public string WriteJson<T>(string relativePath, T value) => Write(relativePath, JsonSerializer.Serialize(value, RunJson.Options));

    public Task<RunEvent> AppendAsync(RunEvent draft) => Events.AppendAsync(draft);

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        _lock.Dispose();
    }

    internal static void WriteAtomically(string path, string text)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    private string Ensure(params string[] parts)
    {
        var full = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(full);
        return full;
    }

    // .NET takes an exclusive flock for FileShare.None on Linux; the kernel releases it when the process dies,
    // so a killed run can be resumed at once, while a second live process on the same run is refused.
    private static FileStream TakeLock(string path)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(path, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new IOException($"{path} is in use by another hwforge process; wait for it to finish or stop it first.");
        }
    }
}
