namespace HwForge.Tools.Sandbox;

/// <summary>
/// A run's own work folder: the only place a confined program can write. Created empty under
/// <see cref="HwForgeHome.Work"/> and deleted, with whatever the program left, on dispose.
/// </summary>
public sealed class Workspace : IDisposable
{
    private Workspace(string path) => Path = path;

    public string Path { get; }

    public static Workspace Create(HwForgeHome home)
    {
        var path = System.IO.Path.Combine(home.Work, Guid.NewGuid().ToString("N")[..16]);
        Directory.CreateDirectory(path);
        return new Workspace(path);
    }

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

    public string WriteText(string relativeName, string content) =>
        Write(relativeName, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>
    /// A root HwForge runs confined programs as an unprivileged user, who must be able to write here.
    /// The folder sits inside HwForge's home, which other users cannot enter.
    /// </summary>
    internal static void ShareWithSandboxUser(string path)
    {
        const UnixFileMode everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(path, everyone);
        foreach (var directory in Directory.EnumerateDirectories(path, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(directory, everyone);
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { } // a file still held open; the folder is scratch and harmless
        catch (UnauthorizedAccessException) { }
    }
}
