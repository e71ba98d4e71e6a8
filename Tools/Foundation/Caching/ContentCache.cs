using System.Text.Json;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Caching;

/// <summary>
/// Results of tool steps on disk, by content address, so re-evaluating an unchanged design costs a
/// file read. Entries are written to a temporary folder and renamed into place, so a killed process
/// never leaves half an entry.
/// </summary>
public sealed class ContentCache(string root)
{
    private const string ResultFile = "result.json";
    private const string OutputsFolder = "out";

    public string Root { get; } = root;

    public StepResult? TryGet(string key)
    {
        var folder = FolderFor(key);
        var resultPath = Path.Combine(folder, ResultFile);
        if (!File.Exists(resultPath)) return null;
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(resultPath), CacheJson.Default.CacheEntry);
            if (entry is null) return null;
            var outputs = new Dictionary<string, byte[]>();
            for (var i = 0; i < entry.Outputs.Count; i++)
                outputs[entry.Outputs[i]] = File.ReadAllBytes(Path.Combine(folder, OutputsFolder, i.ToString()));
            return new StepResult(entry.Run, outputs, FromCache: true);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // a damaged entry is a miss, and the next store replaces it
        }
    }

    public void Store(string key, StepResult result)
    {
        var folder = FolderFor(key);
        var staging = $"{folder}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(Path.Combine(staging, OutputsFolder));
        var names = result.Outputs.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < names.Count; i++)
            File.WriteAllBytes(Path.Combine(staging, OutputsFolder, i.ToString()), result.Outputs[names[i]]);
        File.WriteAllBytes(Path.Combine(staging, ResultFile),
            JsonSerializer.SerializeToUtf8Bytes(new CacheEntry(result.Run, names), CacheJson.Default.CacheEntry));
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        catch (IOException)
        {
            Directory.Delete(staging, recursive: true); // another process stored the same entry first
        }
    }

    private string FolderFor(string key) => Path.Combine(Root, key[..2], key);
}

internal sealed record CacheEntry(ToolRunResult Run, IReadOnlyList<string> Outputs);

[System.Text.Json.Serialization.JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheJson : System.Text.Json.Serialization.JsonSerializerContext;
