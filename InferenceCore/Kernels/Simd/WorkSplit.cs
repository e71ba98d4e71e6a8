namespace HwForge.InferenceCore.Kernels.Simd;

/// <summary>
/// Static partitioning of a loop over a stated number of threads. Static rather than work-stealing because every
/// chunk costs the same (tiles of one GEMM, heads of one attention) and a benchmark must use exactly the threads it
/// states; one thread runs inline, with no pool hop, so single-thread figures carry no scheduling overhead.
/// </summary>
internal static class WorkSplit
{
    public static void For(int threads, int count, Action<int, int> body)
    {
        if (count <= 0) return;
        var parts = Math.Min(threads, count);
        if (parts <= 1) { body(0, count); return; }
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
            p => body((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts)));
    }
}
