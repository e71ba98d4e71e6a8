namespace HwForge.KnowledgeBase.Tests;

/// <summary>A private folder per test, removed afterwards, so stores never share a file by accident.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hwforge-kb-test-").FullName;

    public string Database => System.IO.Path.Combine(Path, "knowledge.db");

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
