namespace HwForge.ScriptedLlm;

/// <summary>
/// Deterministic embeddings without a model: a hashed bag of lower-cased words, L2-normalised, so texts
/// sharing words are close and the same text always gives the same vector.
/// </summary>
public static class Embeddings
{
    public const int DefaultDimensions = 64;

    public static float[] Embed(string text, int dimensions = DefaultDimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in Words(text))
        {
            var hash = Fnv1a(word);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        if (length > 0) for (var i = 0; i < vector.Length; i++) vector[i] /= length;
        return vector;
    }

    /// <summary>Words are runs of letters and digits; the same split serves as the server's token estimate.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    // FNV-1a rather than string.GetHashCode, which is randomised per process.
    private static uint Fnv1a(string word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
