namespace HwForge.Agents.Batch;

/// <summary>
/// An exclusive lock between processes: .NET takes a flock for <see cref="FileShare.None"/> on Linux, which the
/// kernel drops when its holder dies, so a killed batch or Slurm task never leaves a stale lock behind.
/// </summary>
internal static class FileLock
{
    /// <summary>Waits for the lock (others hold it for milliseconds) and returns it; dispose to release.</summary>
    public static FileStream Take(string path, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            if (TryTake(path) is { } taken) return taken;
            if (DateTime.UtcNow > deadline) throw new IOException($"{path} stayed locked by another process for too long.");
            Thread.Sleep(20);
        }
    }

    /// <summary>The lock when it is free now, or null.</summary>
    public static FileStream? TryTake(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }
}
