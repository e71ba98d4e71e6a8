using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HwForge.Tools.Foundation.Caching;

/// <summary>
/// Whole reports by content address, so asking the same question twice costs one file read. The
/// key is built by the caller from everything the answer depends on (inputs, options, tool versions).
/// </summary>
public sealed class ReportCache(string root)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Key(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public T? TryGet<T>(string key) where T : class
    {
        try { return JsonSerializer.Deserialize<T>(File.ReadAllBytes(PathFor(key)), Json); }
        catch (Exception e) when (e is IOException or JsonException or NotSupportedException) { return null; }
    }

    public void Store<T>(string key, T report)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(report, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private string PathFor(string key) => Path.Combine(root, key[..2], key + ".json");
}
