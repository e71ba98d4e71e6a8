using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>
/// The Linux calls HwForge needs to handle files a sandboxed program could have planted: every one
/// works relative to an open directory, and none follows a symbolic link unless asked to.
/// </summary>
/// <remarks>
/// .NET's own file APIs take paths, and a path is resolved again on every call, following any link
/// on the way; a folder a hostile program wrote to must be walked one opened directory at a time.
/// </remarks>
internal static class Native
{
    public const int ENOENT = 2;
    public const int EEXIST = 17;
    public const int ENOSPC = 28;
    public const int ESRCH = 3;

    private const int OReadOnly = 0;
    private const int OWriteOnly = 1;
    private const int OCreate = 0x40;
    private const int OExclusive = 0x80;
    private const int ONonBlocking = 0x800;
    private const int OCloseOnExec = 0x80000;
    private const int OPath = 0x200000;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtRemoveDir = 0x200;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const long SysPidfdSendSignal = 424;
    private const long SysPidfdOpen = 434;

    /// <summary>Arm64 numbers two open flags its own way; the other 64-bit Linux ports share the generic values.</summary>
    private static readonly (int Directory, int NoFollow) OpenFlags = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.Arm64 => (0x4000, 0x8000),
        Architecture.X64 or Architecture.RiscV64 or Architecture.LoongArch64 => (0x10000, 0x20000),
        var other => throw new PlatformNotSupportedException($"HwForge's sandbox does not know the open(2) flags of {other}"),
    };

    private static int DirectoryFlags => OReadOnly | OpenFlags.Directory | OpenFlags.NoFollow | OCloseOnExec;

    /// <summary>Opens a folder by a path the user or HwForge itself named (links in that path are followed).</summary>
    public static SafeFileHandle OpenDirectoryPath(string path) =>
        Check(open(path, OReadOnly | OpenFlags.Directory | OCloseOnExec, 0), "open", path);

    /// <summary>An <c>O_PATH</c> handle on a path, following it (for <c>/proc/PID/root</c>, a link by design).</summary>
    public static SafeFileHandle OpenPath(string path) => Check(open(path, OPath | OCloseOnExec, 0), "open", path);

    /// <summary>A directory inside <paramref name="parent"/>; fails if <paramref name="name"/> is a link or not a directory.</summary>
    public static SafeFileHandle OpenDirectory(SafeFileHandle parent, string name) =>
        Check(openat(parent, name, DirectoryFlags, 0), "open", name);

    /// <summary>A regular file inside <paramref name="parent"/> for reading, or null when it is missing, a link or not a plain file.</summary>
    public static SafeFileHandle? TryOpenFileForReading(SafeFileHandle parent, string name)
    {
        // Non-blocking, so that a FIFO planted under an output's name cannot hang the host.
        var handle = new SafeFileHandle(openat(parent, name, OReadOnly | OpenFlags.NoFollow | ONonBlocking | OCloseOnExec, 0), ownsHandle: true);
        if (handle.IsInvalid) return null;
        if (Stat(handle).Kind == EntryKind.File) return handle;
        handle.Dispose();
        return null;
    }

    /// <summary>Creates a new file; fails if anything (a link included) already has the name.</summary>
    public static SafeFileHandle CreateFile(SafeFileHandle parent, string name, UnixFileMode mode) =>
        Check(openat(parent, name, OWriteOnly | OCreate | OExclusive | OpenFlags.NoFollow | OCloseOnExec, (uint)mode), "create", name);

    /// <summary>Creates a directory and opens it; an existing directory of that name is opened instead, an existing link refused.</summary>
    public static SafeFileHandle CreateDirectory(SafeFileHandle parent, string name, UnixFileMode mode, out bool created)
    {
        created = mkdirat(parent, name, (uint)mode) == 0;
        if (!created && Marshal.GetLastPInvokeError() != EEXIST) throw Failure("mkdir", name);
        return OpenDirectory(parent, name);
    }

    public static Entry? TryStat(SafeFileHandle parent, string name)
    {
        var buffer = new byte[256];
        if (statx(parent, name, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            if (Marshal.GetLastPInvokeError() == ENOENT) return null;
            throw Failure("stat", name);
        }
        return Entry.FromStatx(buffer);
    }

    public static Entry Stat(SafeFileHandle handle)
    {
        var buffer = new byte[256];
        if (statx(handle, "", AtEmptyPath | AtSymlinkNoFollow, StatxBasicStats, buffer) != 0) throw Failure("stat", "(open file)");
        return Entry.FromStatx(buffer);
    }

    /// <summary>The names in an open directory (not "." or ".."), read through <c>/proc/self/fd</c>, which resolves to the directory itself.</summary>
    public static List<string> Names(SafeFileHandle directory)
    {
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
        var names = new System.IO.Enumeration.FileSystemEnumerable<string>(
            $"/proc/self/fd/{directory.DangerousGetHandle()}", (ref System.IO.Enumeration.FileSystemEntry e) => e.FileName.ToString(), options);
        return [.. names];
    }

    public static string ReadLink(SafeFileHandle parent, string name)
    {
        var buffer = new byte[4096];
        var length = readlinkat(parent, name, buffer, buffer.Length);
        if (length < 0) throw Failure("readlink", name);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    public static void CreateSymlink(SafeFileHandle parent, string name, string target)
    {
        if (symlinkat(target, parent, name) != 0) throw Failure("symlink", name);
    }

    /// <summary>Renames within one directory; a link at <paramref name="to"/> is replaced, never followed.</summary>
    public static void Rename(SafeFileHandle parent, string from, string to)
    {
        if (renameat(parent, from, parent, to) != 0) throw Failure("rename", to);
    }

    public static void Unlink(SafeFileHandle parent, string name, bool directory = false)
    {
        if (unlinkat(parent, name, directory ? AtRemoveDir : 0) != 0) throw Failure("unlink", name);
    }

    public static void SetOwner(SafeFileHandle handle, uint uid, uint gid)
    {
        if (fchown(handle, uid, gid) != 0) throw Failure("chown", "(open file)");
    }

    /// <summary>Total and available bytes of the file system holding <paramref name="handle"/>.</summary>
    public static (long Total, long Available) Space(SafeFileHandle handle)
    {
        // struct statvfs on 64-bit glibc: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, ... all 8 bytes.
        var buffer = new byte[128];
        if (fstatvfs(handle, buffer) != 0) throw Failure("statvfs", "(open folder)");
        var fragment = BitConverter.ToInt64(buffer, 8);
        return (BitConverter.ToInt64(buffer, 16) * fragment, BitConverter.ToInt64(buffer, 32) * fragment);
    }

    /// <summary>A handle on a process that stays its own even after the process id is reused.</summary>
    public static SafeFileHandle OpenProcess(int pid)
    {
        var fd = syscall(SysPidfdOpen, pid, 0, 0, 0);
        if (fd < 0) throw Failure("pidfd_open", pid.ToString());
        return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
    }

    /// <summary>SIGKILL through a process handle; false when the process is already gone.</summary>
    public static bool Kill(SafeFileHandle process)
    {
        const int sigkill = 9;
        if (syscall(SysPidfdSendSignal, process.DangerousGetHandle().ToInt64(), sigkill, 0, 0) == 0) return true;
        return Marshal.GetLastPInvokeError() == ESRCH ? false : throw Failure("pidfd_send_signal", "");
    }

    private static SafeFileHandle Check(int fd, string operation, string name) =>
        fd >= 0 ? new SafeFileHandle(fd, ownsHandle: true) : throw Failure(operation, name);

    private static NativeIOException Failure(string operation, string name)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new NativeIOException(errno, $"{operation} {name}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    [DllImport("libc", SetLastError = true)] private static extern int open(string path, int flags, uint mode);
    [DllImport("libc", SetLastError = true)] private static extern int openat(SafeFileHandle dirfd, string path, int flags, uint mode);
    [DllImport("libc", SetLastError = true)] private static extern int mkdirat(SafeFileHandle dirfd, string path, uint mode);
    [DllImport("libc", SetLastError = true)] private static extern int statx(SafeFileHandle dirfd, string path, int flags, uint mask, byte[] buffer);
    [DllImport("libc", SetLastError = true)] private static extern long readlinkat(SafeFileHandle dirfd, string path, byte[] buffer, long size);
    [DllImport("libc", SetLastError = true)] private static extern int symlinkat(string target, SafeFileHandle dirfd, string path);
    [DllImport("libc", SetLastError = true)] private static extern int renameat(SafeFileHandle olddirfd, string oldpath, SafeFileHandle newdirfd, string newpath);
    [DllImport("libc", SetLastError = true)] private static extern int unlinkat(SafeFileHandle dirfd, string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int fchown(SafeFileHandle fd, uint owner, uint group);
    [DllImport("libc", SetLastError = true)] private static extern int fstatvfs(SafeFileHandle fd, byte[] buffer);
    [DllImport("libc", SetLastError = true)] private static extern long syscall(long number, long a, long b, long c, long d);
}

/// <summary>A failed system call, with its errno.</summary>
internal sealed class NativeIOException(int errno, string message) : IOException(message)
{
    public int Errno { get; } = errno;

    /// <summary>Whether <paramref name="e"/> is a full file system (.NET's own writes say so in HResult, as errno).</summary>
    public static bool IsNoSpace(IOException e) => e is NativeIOException { Errno: Native.ENOSPC } || e.HResult == Native.ENOSPC
        || e.Message.Contains("No space left on device", StringComparison.Ordinal);
}

internal enum EntryKind { File, Directory, Link, Other }

/// <summary>What <c>statx</c> says of one entry, the entry itself and not what a link points at.</summary>
internal readonly record struct Entry(EntryKind Kind, UnixFileMode Mode, uint Uid, uint Gid, ulong Inode, long Size, long ModifiedTicks)
{
    public static Entry FromStatx(byte[] b)
    {
        // struct statx: uid at 20, gid at 24, mode (16 bits) at 28, ino at 32, size at 40, mtime {s64 sec, u32 nsec} at 112.
        var mode = BitConverter.ToUInt16(b, 28);
        var kind = (mode & 0xF000) switch { 0x8000 => EntryKind.File, 0x4000 => EntryKind.Directory, 0xA000 => EntryKind.Link, _ => EntryKind.Other };
        var modified = BitConverter.ToInt64(b, 112) * TimeSpan.TicksPerSecond + BitConverter.ToUInt32(b, 120) / 100;
        return new Entry(kind, (UnixFileMode)(mode & 0xFFF), BitConverter.ToUInt32(b, 20), BitConverter.ToUInt32(b, 24),
            BitConverter.ToUInt64(b, 32), BitConverter.ToInt64(b, 40), modified);
    }
}
