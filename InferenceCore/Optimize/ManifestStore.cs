using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HwForge.Tools.Foundation;

namespace HwForge.InferenceCore.Optimize;

/// <summary>
/// Manifests under <c>$HWFORGE_HOME/core</c>: <c>manifests/&lt;sha256&gt;.json</c>, each written once, and
/// <c>current</c>, one line naming the applied one. Applying and resetting only rewrite <c>current</c>, so
/// going back to an earlier manifest is naming its hash again.
/// </summary>
public sealed class ManifestStore(HwForgeHome home)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    string Root => Path.Combine(home.Root, "core");
    string Manifests => Path.Combine(Root, "manifests");
    string CurrentFile => Path.Combine(Root, "current");

    /// <summary>Writes the manifest under its hash (once) and returns the hash.</summary>
    public string Save(KernelManifest manifest)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(manifest, Json));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Directory.CreateDirectory(Manifests);
        var path = PathOf(hash);
        if (!File.Exists(path)) WriteWhole(path, bytes);
        return hash;
    }

    public void Apply(string hash)
    {
        if (!File.Exists(PathOf(hash))) throw new HwForgeException(ProblemKind.InvalidInput, $"no kernel manifest {hash} under {Manifests}");
        WriteWhole(CurrentFile, Encoding.UTF8.GetBytes(hash + "\n"));
    }

    /// <summary>Back to the shipped sets; the manifests stay, for the record.</summary>
    public bool Reset()
    {
        if (!File.Exists(CurrentFile)) return false;
        File.Delete(CurrentFile);
        return true;
    }

    /// <summary>The applied manifest and its hash, or null when none is applied.</summary>
    public (string Hash, KernelManifest Manifest)? Current()
    {
        if (!File.Exists(CurrentFile)) return null;
        var hash = File.ReadAllText(CurrentFile).Trim();
        var path = PathOf(hash);
        if (!File.Exists(path))
            throw new HwForgeException(ProblemKind.InvalidInput, $"{CurrentFile} names manifest {hash}, which is not under {Manifests}: reset the kernels to go back to the shipped sets");
        var manifest = JsonSerializer.Deserialize<KernelManifest>(File.ReadAllBytes(path), Json)
            ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{path} is not a kernel manifest");
        if (manifest.Format != KernelManifest.CurrentFormat)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{path} is a {manifest.Format}, this build reads {KernelManifest.CurrentFormat}: optimize again or reset the kernels");
        return (hash, manifest);
    }

    public string PathOf(string hash) => Path.Combine(Manifests, hash + ".json");

    static void WriteWhole(string path, byte[] bytes)
    {
        var partial = path + $".{Environment.ProcessId}.partial";
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, path, overwrite: true);
    }
}
