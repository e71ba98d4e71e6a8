using System.Text;

namespace HwForge.Agents.Batch;

/// <summary>
/// <c>results.jsonl</c>, the batch's record of finished jobs, shared by the batch process and its Slurm tasks.
/// The rule that keeps every result exactly once: a job is finished when, and only when, the file holds a
/// whole line (ending in a newline, parsing as JSON) with its id. A line is added only under an exclusive
/// lock, only if its id is not there yet, as one write followed by an fsync; a torn tail (a write cut off by a
/// crash) is cut away under the same lock before the next line goes in. So a line is never written twice, and a
/// job whose line did not make it is simply not finished: the next batch runs it again (resuming its run folder).
/// </summary>
public sealed class ResultsLog(string path)
{
    public const string FileName = "results.jsonl";

    public string Path { get; } = path;

    private string LockPath => Path + ".lock";

    /// <summary>The finished jobs, first line per id wins; a torn or unreadable line does not count.</summary>
    public IReadOnlyDictionary<string, BatchResult> Read()
    {
        var results = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        foreach (var result in WholeLines(ReadShared()).Select(BatchResult.TryParse).OfType<BatchResult>())
            results.TryAdd(result.Id, result);
        return results;
    }

    /// <summary>Adds <paramref name="result"/> unless its job already has a line; false when it had one.</summary>
    public bool Append(BatchResult result)
    {
        using var _ = FileLock.Take(LockPath);
        var bytes = ReadShared();
        if (WholeLines(bytes).Select(BatchResult.TryParse).Any(r => r?.Id == result.Id)) return false;
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite);
        var whole = WholeLength(bytes);
        if (whole < bytes.Length) stream.SetLength(whole);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.UTF8.GetBytes(result.ToJsonLine() + "\n"));
        stream.Flush(flushToDisk: true);
        return true;
    }

    private byte[] ReadShared()
    {
        if (!File.Exists(Path)) return [];
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Only bytes up to the last newline are whole; anything after it is a write that a crash cut short.
    private static int WholeLength(byte[] bytes) => Array.LastIndexOf(bytes, (byte)'\n') + 1;

    private static IEnumerable<string> WholeLines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes, 0, WholeLength(bytes)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
