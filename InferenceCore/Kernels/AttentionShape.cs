namespace HwForge.InferenceCore.Kernels;

/// <summary>
/// One attention call: <paramref name="Queries"/> new query rows attend to the first <paramref name="Keys"/> rows of
/// a key/value cache. Q is [queries, heads·headDim]; K and V are [keys, kvHeads·headDim]; heads share a KV head in
/// groups of heads / kvHeads (grouped-query attention; kvHeads = heads is plain multi-head).
/// When causal, query i sits at position FirstQueryPosition + i and sees keys 0..that position.
/// </summary>
public readonly record struct AttentionShape(int Queries, int Keys, int Heads, int KvHeads, int HeadDim, bool Causal, int FirstQueryPosition = 0)
{
    public float Scale => 1f / MathF.Sqrt(HeadDim);

    /// <summary>How many keys query <paramref name="i"/> may see.</summary>
    public int VisibleKeys(int i) => Causal ? Math.Min(Keys, FirstQueryPosition + i + 1) : Keys;

    public OpShape ToOpShape() => new(Queries, Keys, Heads, KvHeads, HeadDim);

    public bool IsValid => Queries > 0 && Keys > 0 && Heads > 0 && KvHeads > 0 && HeadDim > 0 && Heads % KvHeads == 0
        && (!Causal || FirstQueryPosition + Queries <= Keys);
}
