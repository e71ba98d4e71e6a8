using System.Security.Cryptography;
using System.Text;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Caching;

/// <summary>
/// The content address of a tool step: tool and version, program, arguments, environment, limits,
/// every input's name and bytes, the read-only files' identity and the outputs asked for.
/// </summary>
internal static class CacheKey
{
    public static string For(ToolStep step)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        var invocation = step.Invocation;
        Add("hwforge-step-v1");
        Add(step.Tool);
        Add(step.ToolVersion);
        Add(invocation.Program);
        foreach (var argument in invocation.Arguments) Add(argument);
        foreach (var (name, value) in invocation.Environment.OrderBy(p => p.Key, StringComparer.Ordinal)) Add($"{name}={value}");
        Add(invocation.Limits.ToString());
        Add(invocation.StandardInput ?? "\0");
        foreach (var input in step.Inputs.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            Add(input.Name);
            hash.AppendData(SHA256.HashData(input.Content));
        }
        foreach (var path in invocation.ReadOnlyPaths) Add(FileIdentity(path));
        foreach (var output in step.Outputs) Add(output);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Read-only files are large and stable (liberty files): path, size and time stand for content.</summary>
    private static string FileIdentity(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : $"{path}|dir";
    }
}
