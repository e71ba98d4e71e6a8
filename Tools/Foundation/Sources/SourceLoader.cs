using System.Text;

namespace HwForge.Tools.Foundation.Sources;

/// <summary>
/// Reads design sources and refuses bad ones with a clear message before any tool sees them:
/// missing, empty, binary, not UTF-8, or too large.
/// </summary>
public static class SourceLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<SourceFile> Load(IEnumerable<string> paths)
    {
        var files = paths.Select(LoadOne).ToList();
        if (files.Count == 0) throw new SourceFileException("no design files given");
        var clash = files.GroupBy(f => f.FileName).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new SourceFileException($"two sources share the name '{clash.Key}' ({string.Join(", ", clash.Select(f => f.Path))}); rename one");
        return files;
    }

    public static SourceFile LoadOne(string path)
    {
        if (Directory.Exists(path)) throw new SourceFileException($"{path}: is a folder, not a source file");
        var info = new FileInfo(path);
        if (!info.Exists) throw new SourceFileException($"{path}: no such file");
        if (info.Length == 0) throw new SourceFileException($"{path}: the file is empty");
        if (info.Length > SourceFile.MaxBytes)
            throw new SourceFileException($"{path}: the file is {info.Length >> 20} MiB; sources over {SourceFile.MaxBytes >> 20} MiB are refused");

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
            throw new SourceFileException($"{path}: looks like a binary file (it contains NUL bytes), not source text");
        try
        {
            return new SourceFile(path, StrictUtf8.GetString(bytes).TrimStart('\uFEFF'));
        }
        catch (DecoderFallbackException)
        {
            throw new SourceFileException($"{path}: is not UTF-8 text; save it as UTF-8 (or ASCII) and try again");
        }
    }

    public static SourceFile FromText(string name, string text) => new(name, text);
}
