using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;

namespace HwForge.Tools.Programs.Liberty;

/// <summary>
/// Unpacks a <c>.lib.gz</c> once into <c>cache/liberty/&lt;sha256 of the .gz&gt;.lib</c> and reuses it.
/// Naming by content means two paths to the same file share one copy, and an edited file never
/// serves a stale one.
/// </summary>
internal static class LibertyUnpacker
{
    /// <summary>Hashing a 2 MB archive costs milliseconds, not nothing: remember it per path, size and time.</summary>
    private static readonly ConcurrentDictionary<(string Path, long Size, long Ticks), string> Hashes = new();

    public static string Unpack(string gzPath, string cacheFolder)
    {
        var folder = Path.Combine(cacheFolder, "liberty");
        var target = Path.Combine(folder, Sha256Of(gzPath) + ".lib");
        if (File.Exists(target)) return target;

        Directory.CreateDirectory(folder);
        // Written beside the target and renamed, so a concurrent reader sees no file or a whole one.
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var input = new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress))
            using (var output = File.Create(temporary))
                input.CopyTo(output);
            File.Move(temporary, target, overwrite: true);
        }
        catch (InvalidDataException e)
        {
            throw new LibertyUnavailableException($"{gzPath}: is not a readable gzip file ({e.Message}); unpack it by hand and give the .lib", e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        return target;
    }

    private static string Sha256Of(string path)
    {
        var info = new FileInfo(path);
        return Hashes.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc.Ticks), _ =>
        {
            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
