using Microsoft.Win32.SafeHandles;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// A run's /work as the host sees it: a size-capped tmpfs that exists only inside the sandbox,
/// reached through a directory handle taken when the sandbox came up, before any of the run's code
/// ran. The run never sees a host folder, so nothing on the host needs opening to it, and it cannot
/// write more than the cap.
/// </summary>
/// <remarks>
/// The handle keeps the tmpfs alive after the sandbox's processes are gone (its mount namespace
/// with them), so outputs are read after the run, even one that was killed. Every step inside goes
/// through <see cref="Native"/>: the run may have left links anywhere, and none is followed.
/// </remarks>
internal sealed class SandboxFolder(SafeFileHandle root, uint? owner) : IWorkFolder, IDisposable
{
    /// <summary>Less than this left free counts as full: a write that did not fit leaves at most a page or so.</summary>
    private const long FullBelowBytes = 64 << 10;

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    internal SafeFileHandle Root => root;

    /// <summary>The user id that owns what HwForge stages (a root HwForge's run user), or null to leave it HwForge's own.</summary>
    internal uint? Owner => owner;

    /// <summary>Whether the run filled it (or as good as).</summary>
    public bool IsFull => Native.Space(root).Available < FullBelowBytes;

    public long Capacity => Native.Space(root).Total;

    public void Write(string relativeName, ReadOnlySpan<byte> content)
    {
        var names = Components(relativeName);
        var folder = root;
        var opened = new List<SafeFileHandle>();
        try
        {
            foreach (var name in names[..^1])
            {
                folder = Native.CreateDirectory(folder, name, FolderMode, out var created);
                opened.Add(folder);
                if (created) Own(folder);
            }
            // Two inputs of one name: the later one wins, as it would in a host folder.
            if (Native.TryStat(folder, names[^1]) is { Kind: not EntryKind.Directory }) Native.Unlink(folder, names[^1]);
            using var file = Native.CreateFile(folder, names[^1], FileMode);
            Own(file);
            RandomAccess.Write(file, content, 0);
        }
        finally
        {
            foreach (var handle in opened) handle.Dispose();
        }
    }

    public byte[]? ReadOutput(string relativeName)
    {
        var names = Components(relativeName);
        var folder = root;
        var opened = new List<SafeFileHandle>();
        try
        {
            foreach (var name in names[..^1])
            {
                if (Native.TryStat(folder, name) is not { Kind: EntryKind.Directory }) return null;
                folder = Native.OpenDirectory(folder, name);
                opened.Add(folder);
            }
            using var file = Native.TryOpenFileForReading(folder, names[^1]);
            return file is null ? null : ReadAll(file);
        }
        finally
        {
            foreach (var handle in opened) handle.Dispose();
        }
    }

    public FolderCopy CopyIn(string hostFolder) => FolderCopy.In(hostFolder, this);

    /// <summary>Gives a staged file or folder to the run's user, so the run can change it as the user could.</summary>
    internal void Own(SafeFileHandle handle)
    {
        if (owner is { } uid) Native.SetOwner(handle, uid, uid);
    }

    internal static byte[] ReadAll(SafeFileHandle file)
    {
        var bytes = new byte[RandomAccess.GetLength(file)];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(file, bytes.AsSpan(read), read);
            if (n == 0) return bytes[..read];
            read += n;
        }
        return bytes;
    }

    /// <summary>The names along a relative path; refuses one that climbs out.</summary>
    internal static string[] Components(string relativeName)
    {
        var names = relativeName.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(n => n != ".").ToArray();
        if (names.Length == 0 || names.Contains("..") || relativeName.StartsWith('/'))
            throw new ArgumentException($"'{relativeName}' is not inside the work folder.", nameof(relativeName));
        return names;
    }

    public void Dispose() => root.Dispose();
}
