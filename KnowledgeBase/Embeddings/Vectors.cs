using System.Runtime.InteropServices;

namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>Vectors as stored (little-endian float32 BLOBs) and compared (cosine; the offline catalog's reader by meaning too).</summary>
public static class Vectors
{
    public static byte[] ToBlob(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] FromBlob(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) return 0;
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.Sqrt(normA * normB);
    }
}

/// <summary>
/// Reciprocal rank fusion: each ranking gives 1/(k + rank) to its items. It needs no calibration
/// between BM25 scores and cosines, which live on unrelated scales.
/// </summary>
internal static class RankFusion
{
    private const double K = 60;

    public static IReadOnlyList<(long Id, double Score)> Fuse(params IReadOnlyList<long>[] rankings)
    {
        var scores = new Dictionary<long, double>();
        foreach (var ranking in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + 1.0 / (K + rank + 1);
        return scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => (s.Key, s.Value)).ToList();
    }
}
