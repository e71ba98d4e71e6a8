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

    private static byte[] Key(HwForgeHome home)
    {
        var path = Path.Combine(home.Data, KeyFile);
        if (File.Exists(path)) return File.ReadAllBytes(path);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, key);
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(temporary, path, overwrite: false); }
        catch (IOException) { File.Delete(temporary); } // another process made one first: use theirs
        return File.ReadAllBytes(path);
    }
}
