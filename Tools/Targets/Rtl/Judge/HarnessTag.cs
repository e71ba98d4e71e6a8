using System.Security.Cryptography;
using System.Text;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// The secret part of a design harness's names: a keyed hash of the design and its stimulus, with a
/// key kept in HwForge's home (never in a sandbox). Deterministic, so results stay cacheable;
/// unguessable by the design, so it cannot name the harness or its trace file.
/// </summary>
internal static class HarnessTag
{
    private const string KeyFile = "harness.key";

    public static string For(HwForgeHome home, IReadOnlyList<SourceFile> design, Stimulus stimulus)
    {
        using var hmac = new HMACSHA256(Key(home));
        var text = string.Join("\0", design.Select(s => s.StagedName + "\0" + s.Text)) + "\0" + stimulus.ToMemoryFile();
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)))[..20];
    }

    private const int KeyLength = 32;

    private static byte[] Key(HwForgeHome home)
    {
        var path = Path.Combine(home.Data, KeyFile);
        if (TryRead(path) is { } existing) return existing;
        var key = RandomNumberGenerator.GetBytes(KeyLength);
        try
        {
            // CreateNew is O_EXCL: of judges racing on a fresh home (parallel candidates, test fixtures,
            // two processes) exactly one makes the key. A temporary file moved into place would not do:
            // .NET's Move without overwrite checks and then renames, so a later mover replaced the key
            // an earlier judge had already used.
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.Read,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var file = new FileStream(path, options)) file.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another judge made it first; its 32 bytes may still be on their way.
            for (var attempt = 0; attempt < 100; attempt++)
            {
                if (TryRead(path) is { } theirs) return theirs;
                Thread.Sleep(10);
            }
            throw new IOException($"The harness key {path} is not {KeyLength} bytes long; delete it and HwForge makes a new one.");
        }
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == KeyLength ? bytes : null;
        }
        catch (FileNotFoundException) { return null; }
    }
}
