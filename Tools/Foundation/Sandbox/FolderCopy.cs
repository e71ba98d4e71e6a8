using HwForge.Tools.Foundation.Execution;
using Microsoft.Win32.SafeHandles;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>What came back from a run into the caller's folder, and what was left out (and why, in its name).</summary>
public sealed record CopyBackReport(string Folder, int Copied, IReadOnlyList<string> NotCopied);

/// <summary>A streamed run's files came back into the caller's folder (just before <see cref="ProcessExited"/>).</summary>
public sealed record WorkFolderCopiedBack(CopyBackReport Report) : ProcessEvent;

/// <summary>
/// A caller's folder (<c>sandbox exec --workdir</c>) copied into a run's /work, and, after the
/// run, what the run made or changed copied back. The run never touches the caller's folder: no
/// mode or owner there is ever changed to let it in, so a link planted in the folder has nothing to
/// redirect.
/// </summary>
/// <remarks>
/// Both sides are walked one opened directory at a time and no link is followed on either. Coming
/// back, a file is written beside its destination and renamed over it, so a link at that name is
/// replaced, not written through; a folder that is a link or a file on the host is left alone and
/// reported. What the run deleted stays on the host. Files and folders HwForge creates belong to the
/// owner of what they replace or of the host folder they land in, with the run's modes less the
/// set-id, sticky and group- and other-write bits: HwForge never leaves anything world-writable there.
/// </remarks>
internal sealed class FolderCopy
{
    private readonly Dictionary<string, (ulong Inode, long Size, long Modified)> _copied = [];
    private readonly string _hostFolder;
    private readonly SandboxFolder _target;

    private FolderCopy(string hostFolder, SandboxFolder target)
    {
        _hostFolder = hostFolder;
        _target = target;
    }

    /// <summary>Copies every plain file, folder and link of <paramref name="hostFolder"/> into <paramref name="target"/> (other kinds are skipped).</summary>
    internal static FolderCopy In(string hostFolder, SandboxFolder target)
    {
        var copy = new FolderCopy(hostFolder, target);
        using var source = Native.OpenDirectoryPath(hostFolder);
        copy.CopyTreeIn(source, target.Root, "", target);
        return copy;
    }

    private void CopyTreeIn(SafeFileHandle from, SafeFileHandle to, string prefix, SandboxFolder target)
    {
        foreach (var name in Native.Names(from))
        {
            if (Native.TryStat(from, name) is not { } entry) continue;
            var relative = prefix + name;
            switch (entry.Kind)
            {
                case EntryKind.Directory:
                    using (var sourceFolder = Native.OpenDirectory(from, name))
                    using (var folder = Native.CreateDirectory(to, name, Plain(entry.Mode), out _))
                    {
                        target.Own(folder);
                        CopyTreeIn(sourceFolder, folder, relative + "/", target);
                    }
                    break;
                case EntryKind.File:
                    using (var source = Native.TryOpenFileForReading(from, name))
                    {
                        if (source is null) continue;
                        using var file = Native.CreateFile(to, name, Plain(entry.Mode));
                        target.Own(file);
                        CopyContent(source, file);
                        Remember(relative, Native.Stat(file));
                    }
                    break;
                case EntryKind.Link:
                    Native.CreateSymlink(to, name, Native.ReadLink(from, name));
                    Remember(relative, Native.TryStat(to, name)!.Value);
                    break;
            }
        }
    }

    /// <summary>Copies back into the caller's folder what the run made or changed.</summary>
    internal CopyBackReport Back()
    {
        var notCopied = new List<string>();
        using var destination = Native.OpenDirectoryPath(_hostFolder);
        var copied = CopyTreeBack(_target.Root, destination, "", notCopied);
        return new CopyBackReport(_hostFolder, copied, notCopied);
    }

    private int CopyTreeBack(SafeFileHandle from, SafeFileHandle to, string prefix, List<string> notCopied)
    {
        var copied = 0;
        var parent = Native.Stat(to);
        foreach (var name in Native.Names(from))
        {
            if (Native.TryStat(from, name) is not { } entry) continue;
            var relative = prefix + name;
            var unchanged = _copied.TryGetValue(relative, out var before) && before == (entry.Inode, entry.Size, entry.ModifiedTicks);
            var existing = Native.TryStat(to, name);
            switch (entry.Kind)
            {
                case EntryKind.Directory when existing is null or { Kind: EntryKind.Directory }:
                    using (var sourceFolder = Native.OpenDirectory(from, name))
                    using (var folder = Native.CreateDirectory(to, name, Plain(entry.Mode), out var created))
                    {
                        if (created) OwnLike(folder, parent);
                        copied += (created ? 1 : 0) + CopyTreeBack(sourceFolder, folder, relative + "/", notCopied);
                    }
                    break;
                case EntryKind.Directory:
                    notCopied.Add($"{relative}/ (the host has a {Describe(existing!.Value.Kind)} there)");
                    break;
                case EntryKind.File or EntryKind.Link when unchanged:
                    break;
                case EntryKind.File or EntryKind.Link when existing is { Kind: EntryKind.Directory or EntryKind.Other }:
                    notCopied.Add($"{relative} (the host has a {Describe(existing.Value.Kind)} there)");
                    break;
                case EntryKind.File:
                    using (var file = Native.TryOpenFileForReading(from, name))
                    {
                        if (file is null) continue;
                        ReplaceWith(to, name, temporary => CopyOut(file, to, temporary, Plain(entry.Mode), existing ?? parent));
                        copied++;
                    }
                    break;
                case EntryKind.Link:
                    var target = Native.ReadLink(from, name);
                    ReplaceWith(to, name, temporary => Native.CreateSymlink(to, temporary, target));
                    copied++;
                    break;
                default:
                    notCopied.Add($"{relative} (not a file, folder or link)");
                    break;
            }
        }
        return copied;
    }

    /// <summary>Makes the new entry under a name no one else uses, then renames it over <paramref name="name"/>.</summary>
    private static void ReplaceWith(SafeFileHandle folder, string name, Action<string> make)
    {
        var temporary = $".hwforge-{Guid.NewGuid():N}";
        try
        {
            make(temporary);
            Native.Rename(folder, temporary, name);
        }
        catch
        {
            try { Native.Unlink(folder, temporary); }
            catch (IOException) { } // never made
            throw;
        }
    }

    private static void CopyOut(SafeFileHandle source, SafeFileHandle folder, string name, UnixFileMode mode, Entry ownerLike)
    {
        using var file = Native.CreateFile(folder, name, mode);
        OwnLike(file, ownerLike);
        CopyContent(source, file);
    }

    /// <summary>A root HwForge hands what it writes to whoever owns what it replaces (or the folder it lands in).</summary>
    private static void OwnLike(SafeFileHandle handle, Entry like)
    {
        if (Environment.IsPrivilegedProcess) Native.SetOwner(handle, like.Uid, like.Gid);
    }

    private static void CopyContent(SafeFileHandle source, SafeFileHandle destination)
    {
        var buffer = new byte[1 << 20];
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(source, buffer, offset)) > 0)
        {
            RandomAccess.Write(destination, buffer.AsSpan(0, read), offset);
            offset += read;
        }
    }

    private void Remember(string relative, Entry entry) => _copied[relative] = (entry.Inode, entry.Size, entry.ModifiedTicks);

    /// <summary>At most rwxr-xr-x.</summary>
    private static UnixFileMode Plain(UnixFileMode mode) => mode & (UnixFileMode)0x1ED;

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Directory => "folder",
        EntryKind.Link => "symbolic link",
        EntryKind.File => "file",
        _ => "special file",
    };
}
