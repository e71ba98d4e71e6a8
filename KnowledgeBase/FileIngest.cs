using System.Text;
using HwForge.KnowledgeBase.Chunking;

namespace HwForge.KnowledgeBase;

/// <summary>A file <c>kb add</c> did not read, and why in words a user can act on.</summary>
public sealed record SkippedFile(string Path, string Reason);

/// <summary>What adding files did: files read, chunks added and already present, files skipped.</summary>
public sealed record IngestReport(int Files, int Chunks, int Duplicates, IReadOnlyList<SkippedFile> Skipped);

/// <summary>
/// Adds files and folders to a store. A bad file (binary, huge, unreadable) is skipped with a
/// reason and counted; it never stops the others from being added.
/// </summary>
public static class FileIngest
{
    /// <summary>Files above this are logs or generated netlists, not knowledge, and would crowd out everything else.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    // A NUL byte in the first block is the classic test for "not text".
    private const int SniffBytes = 8192;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IngestReport> AddAsync(IKnowledgeStore store, IEnumerable<string> paths, CancellationToken cancellation = default)
    {
        var skipped = new List<SkippedFile>();
        var files = 0;
        var total = AddResult.None;
        foreach (var file in Expand(paths, skipped))
        {
            cancellation.ThrowIfCancellationRequested();
            if (Read(file, skipped) is not { } text) continue;
            var chunks = DocumentChunker.Chunk(file, text);
            total = total.Plus(await store.AddAsync(chunks, cancellation));
            files++;
        }
        return new IngestReport(files, total.Added, total.Duplicates, skipped);
    }

    /// <summary>Named files as they are (any extension the chunker reads), folders recursively by extension.</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> paths, List<SkippedFile> skipped)
    {
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given);
            if (Directory.Exists(path))
            {
                foreach (var file in FilesUnder(path, skipped)) yield return file;
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                if (DocumentChunker.Extensions.Contains(Path.GetExtension(path))) yield return path;
                else skipped.Add(new SkippedFile(path, $"not a file type the knowledge base reads ({string.Join(" ", DocumentChunker.Extensions)})"));
            }
            else
            {
                skipped.Add(new SkippedFile(path, "no such file or folder"));
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string folder, List<SkippedFile> skipped)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.None };
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(folder, "*", options).Where(f => DocumentChunker.Extensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(folder, $"cannot list the folder: {e.Message}"));
            return [];
        }
        return files;
    }

    private static string? Read(string path, List<SkippedFile> skipped)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                skipped.Add(new SkippedFile(path, $"too large ({length / 1024 / 1024.0:0.0} MiB; the limit is {MaxFileBytes / 1024 / 1024} MiB): split it, or add the parts that matter"));
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, SniffBytes)).Contains((byte)0))
            {
                skipped.Add(new SkippedFile(path, "binary (it contains NUL bytes), not text"));
                return null;
            }
            try { return StrictUtf8.GetString(bytes).TrimStart('\uFEFF'); }
            catch (DecoderFallbackException)
            {
                skipped.Add(new SkippedFile(path, "not UTF-8 text: convert it (iconv -t UTF-8) and add it again"));
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedFile(path, $"cannot be read: {e.Message}"));
            return null;
        }
    }
}
