namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// A run's work folder on the host, for sandboxes that run in a host folder (the unsafe mode):
/// created empty under <see cref="HwForgeHome.Work"/> and deleted, with whatever the program left,
/// on dispose. Bubblewrap runs never see a host folder; theirs is a <see cref="SandboxFolder"/>.
/// </summary>
internal sealed class Workspace : IWorkFolder, IDisposable
{
    private readonly bool _owned;

    private Workspace(string path, bool owned)
    {
        Path = path;
        _owned = owned;
    }

    public string Path { get; }

    public static Workspace Create(HwForgeHome home)
    {
        var path = System.IO.Path.Combine(home.Work, Guid.NewGuid().ToString("N")[..16]);
        Directory.CreateDirectory(path);
        return new Workspace(path, owned: true);
    }

    /// <summary>A caller's own folder, used as it is and left in place on dispose.</summary>
    internal static Workspace Borrow(string path) => new(path, owned: false);

    /// <summary>The host path of a file in the folder; refuses names that would climb out of it.</summary>
    public string Resolve(string relativeName)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativeName));
        if (!full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{relativeName}' is not inside the work folder.", nameof(relativeName));
        return full;
    }

    /// <summary>
    /// Reads a file a confined program left, or null. No symbolic link is followed anywhere on the
    /// way: a candidate could point one at a host file and have HwForge read it back.
    /// </summary>
    public byte[]? ReadOutput(string relativeName)
    {
        var path = Resolve(relativeName);
        for (var current = path; current.Length > Path.Length; current = System.IO.Path.GetDirectoryName(current)!)
        {
            var info = new FileInfo(current);
            if (info.LinkTarget is not null) return null;
            if (current == path && !info.Exists) return null;
        }
        return File.ReadAllBytes(path);
    }

    public string Write(string relativeName, ReadOnlySpan<byte> content)
    {
        var path = Resolve(relativeName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    void IWorkFolder.Write(string relativeName, ReadOnlySpan<byte> content) => Write(relativeName, content);

    public string WriteText(string relativeName, string content) =>
        Write(relativeName, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>The run works in the caller's folder itself: nothing to copy.</summary>
    FolderCopy? IWorkFolder.CopyIn(string hostFolder) => hostFolder == Path ? null
        : throw new InvalidOperationException($"a run in {Path} cannot take the files of {hostFolder}");

    public void Dispose()
    {
        if (!_owned) return;
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a file still held open; the folder is scratch and harmless
        catch (UnauthorizedAccessException) { }
    }
}
