using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HwForge.KnowledgeBase.Chunking;

namespace HwForge.KnowledgeBase.Corpus;

/// <summary>
/// The knowledge HwForge ships: the Markdown files under KnowledgeBase/Corpus, embedded in this
/// assembly so no install layout can lose them, with a hash that changes whenever a file or the
/// chunking does (the store re-indexes the corpus when it sees a new hash).
/// </summary>
public sealed record ShippedCorpus(IReadOnlyList<KnowledgeChunk> Chunks, string Hash, int Files)
{
    private const string ResourcePrefix = "corpus/";

    // Bump when chunking changes the chunks of unchanged files, so stores re-index.
    private const int ChunkingVersion = 1;

    private static readonly Lazy<ShippedCorpus> Loaded = new(Load);

    public static ShippedCorpus Default => Loaded.Value;

    private static ShippedCorpus Load()
    {
        var assembly = typeof(ShippedCorpus).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var chunks = new List<KnowledgeChunk>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"chunking {ChunkingVersion}\n"));
        foreach (var name in names)
        {
            var text = Read(assembly, name);
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{text}\n"));
            chunks.AddRange(DocumentChunker.Chunk(name, text));
        }
        return new ShippedCorpus(chunks, Convert.ToHexString(hash.GetHashAndReset())[..16], names.Count);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
