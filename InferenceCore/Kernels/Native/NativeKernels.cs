using System.Runtime.InteropServices;
using HwForge.InferenceCore.Kernels.Simd;

namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>
/// The native set: C++ kernels built by <see cref="NativeBuild"/> and loaded with <see cref="NativeLibrary"/>.
/// Threads are split here, in the same static way as the managed set (GEMM columns at tile boundaries, attention
/// heads), so both sets are compared at exactly the threads they state. The library stays loaded for the process.
/// </summary>
public sealed unsafe class NativeKernels : IKernelSet, IWeightPacking
{
    /// <summary>The C ABI this class calls; the library's hwf_abi() must return it (hwforge_kernels.h).</summary>
    const int Abi = 1;

    /// <summary>rope's angle tables live on the C stack, 4096 entries each.</summary>
    const int MaxRopeHalfWidth = 4096;

    readonly delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, void> _matmul;
    readonly delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, void> _gemv;
    readonly delegate* unmanaged<float*, float*, float*, long, void> _add;
    readonly delegate* unmanaged<float*, float*, float*, float*, int, int, float, void> _layerNorm;
    readonly delegate* unmanaged<float*, float*, float*, int, int, float, void> _rmsNorm;
    readonly delegate* unmanaged<float*, float*, int, int, void> _softmax;
    readonly delegate* unmanaged<float*, float*, long, void> _gelu;
    readonly delegate* unmanaged<float*, float*, long, void> _silu;
    readonly delegate* unmanaged<float*, float*, float*, long, void> _swiglu;
    readonly delegate* unmanaged<float*, int, int, int, int, float, void> _rope;
    readonly delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, int, int, int, int, void> _attention;
    readonly delegate* unmanaged<float*, int, int*, int, float*, void> _embedding;
    readonly delegate* unmanaged<int, int, long> _packedSize;
    readonly delegate* unmanaged<float*, int, int, float*, void> _packWeights;
    readonly delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, void> _matmulPacked;
    readonly int _tileCols;

    NativeKernels(nint library, string path, NativeVariant variant, int threads)
    {
        var abi = ((delegate* unmanaged<int>)Export(library, "hwf_abi"))();
        if (abi != Abi) throw new InvalidOperationException($"{path} speaks kernel ABI {abi}, this build calls ABI {Abi}: rebuild it");
        LibraryPath = path;
        Variant = variant;
        Threads = threads;
        _tileCols = ((delegate* unmanaged<int>)Export(library, "hwf_tile_cols"))();
        _matmul = (delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, void>)Export(library, "hwf_matmul");
        _gemv = (delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, void>)Export(library, "hwf_gemv");
        _add = (delegate* unmanaged<float*, float*, float*, long, void>)Export(library, "hwf_add");
        _layerNorm = (delegate* unmanaged<float*, float*, float*, float*, int, int, float, void>)Export(library, "hwf_layernorm");
        _rmsNorm = (delegate* unmanaged<float*, float*, float*, int, int, float, void>)Export(library, "hwf_rmsnorm");
        _softmax = (delegate* unmanaged<float*, float*, int, int, void>)Export(library, "hwf_softmax");
        _gelu = (delegate* unmanaged<float*, float*, long, void>)Export(library, "hwf_gelu");
        _silu = (delegate* unmanaged<float*, float*, long, void>)Export(library, "hwf_silu");
        _swiglu = (delegate* unmanaged<float*, float*, float*, long, void>)Export(library, "hwf_swiglu");
        _rope = (delegate* unmanaged<float*, int, int, int, int, float, void>)Export(library, "hwf_rope");
        _attention = (delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, int, int, int, int, void>)Export(library, "hwf_attention");
        _embedding = (delegate* unmanaged<float*, int, int*, int, float*, void>)Export(library, "hwf_embedding");
        _packedSize = (delegate* unmanaged<int, int, long>)Export(library, "hwf_packed_size");
        _packWeights = (delegate* unmanaged<float*, int, int, float*, void>)Export(library, "hwf_pack_weights");
        _matmulPacked = (delegate* unmanaged<float*, float*, float*, float*, int, int, int, int, int, void>)Export(library, "hwf_matmul_packed");
    }

    /// <summary>Loads a library that <see cref="NativeBuild"/> built from <paramref name="variant"/>.</summary>
    public static NativeKernels Load(string libraryPath, NativeVariant variant, int threads = 1)
    {
        ShapeRules.Require(threads >= 1, $"threads must be at least 1, got {threads}");
        return new NativeKernels(NativeLibrary.Load(libraryPath), libraryPath, variant, threads);
    }

    /// <summary>The same library at another thread count (loading it again is free: the OS hands back the same handle).</summary>
    public NativeKernels WithThreads(int threads) => Load(LibraryPath, Variant, threads);

    public string LibraryPath { get; }
    public NativeVariant Variant { get; }
    public string Name => "native" + (Threads > 1 ? $"x{Threads}" : "");
    public int Threads { get; }

    public bool Supports(Op op, OpShape shape, DType dtype) =>
        dtype == DType.F32 && ShapeRules.IsWellFormed(op, shape) && (op != Op.Rope || shape.Dims[2] / 2 <= MaxRopeHalfWidth);

    public void MatMul(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int n, int k)
    {
        Checks.MatMul(a, b, bias, c, m, n, k);
        fixed (float* ap = a, bp = b, biasp = bias, cp = c)
        {
            nint pa = (nint)ap, pb = (nint)bp, pbias = bias.IsEmpty ? 0 : (nint)biasp, pc = (nint)cp;
            var matmul = _matmul;
            var gemv = _gemv;
            // Slices of whole tiles for a GEMM; for a GEMV, slices of 64 columns (a cache line's multiple per row).
            var unit = m == 1 ? 64 : _tileCols;
            WorkSplit.For(Threads, (n + unit - 1) / unit, (from, to) =>
            {
                int j0 = from * unit, j1 = Math.Min(n, to * unit);
                if (m == 1) gemv((float*)pa, (float*)pb, (float*)pbias, (float*)pc, n, k, j0, j1);
                else matmul((float*)pa, (float*)pb, (float*)pbias, (float*)pc, m, n, k, j0, j1);
            });
        }
    }

    /// <summary>Packed data depends on the library (its tile and blocks), so a pack is owned by the library's path.</summary>
    public PackedWeights Pack(ReadOnlySpan<float> b, int k, int n)
    {
        ShapeRules.Require(k > 0 && n > 0 && b.Length >= (long)k * n, $"B holds {b.Length} floats, needs k·n = {(long)k * n}");
        var data = new float[_packedSize(n, k)];
        fixed (float* bp = b, dp = data) _packWeights(bp, n, k, dp);
        return new PackedWeights(LibraryPath, data, k, n);
    }

    public void MatMul(ReadOnlySpan<float> a, PackedWeights b, ReadOnlySpan<float> bias, Span<float> c, int m)
    {
        ShapeRules.Require(Equals(b.Owner, LibraryPath), "these weights were packed by another kernel library; pack them with this one");
        int n = b.N, k = b.K;
        ShapeRules.Require(m > 0 && a.Length >= (long)m * k && c.Length >= (long)m * n && (bias.IsEmpty || bias.Length >= n),
            $"A ({a.Length}), C ({c.Length}) or bias ({bias.Length}) too small for m={m} n={n} k={k}");
        fixed (float* ap = a, bp = b.Data, biasp = bias, cp = c)
        {
            nint pa = (nint)ap, pb = (nint)bp, pbias = bias.IsEmpty ? 0 : (nint)biasp, pc = (nint)cp;
            var matmul = _matmulPacked;
            var unit = _tileCols;
            WorkSplit.For(Threads, (n + unit - 1) / unit, (from, to) =>
                matmul((float*)pa, (float*)pb, (float*)pbias, (float*)pc, m, n, k, from * unit, Math.Min(n, to * unit)));
        }
    }

    public void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> z)
    {
        Checks.SameLength(x, y, z);
        fixed (float* xp = x, yp = y, zp = z) _add(xp, yp, zp, z.Length);
    }

    public void LayerNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, ReadOnlySpan<float> beta, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, beta);
        fixed (float* xp = x, gp = gamma, bp = beta, yp = y) _layerNorm(xp, gp, bp, yp, rows, cols, eps);
    }

    public void RmsNorm(ReadOnlySpan<float> x, ReadOnlySpan<float> gamma, Span<float> y, int rows, int cols, float eps)
    {
        Checks.Rows(x, y, rows, cols, gamma, gamma);
        fixed (float* xp = x, gp = gamma, yp = y) _rmsNorm(xp, gp, yp, rows, cols, eps);
    }

    public void Softmax(ReadOnlySpan<float> x, Span<float> y, int rows, int cols)
    {
        Checks.Rows(x, y, rows, cols);
        fixed (float* xp = x, yp = y) _softmax(xp, yp, rows, cols);
    }

    public void Gelu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        fixed (float* xp = x, yp = y) _gelu(xp, yp, y.Length);
    }

    public void Silu(ReadOnlySpan<float> x, Span<float> y)
    {
        Checks.SameLength(x, x, y);
        fixed (float* xp = x, yp = y) _silu(xp, yp, y.Length);
    }

    public void SwiGlu(ReadOnlySpan<float> gate, ReadOnlySpan<float> up, Span<float> y)
    {
        Checks.SameLength(gate, up, y);
        fixed (float* gp = gate, up_ = up, yp = y) _swiglu(gp, up_, yp, y.Length);
    }

    public void Rope(Span<float> x, int tokens, int heads, int headDim, int firstPosition, float theta)
    {
        Checks.Rope(x, tokens, heads, headDim);
        ShapeRules.Require(headDim / 2 <= MaxRopeHalfWidth, $"the native rope serves heads up to {2 * MaxRopeHalfWidth} wide, got {headDim}");
        fixed (float* xp = x) _rope(xp, tokens, heads, headDim, firstPosition, theta);
    }

    public void Attention(ReadOnlySpan<float> q, ReadOnlySpan<float> k, ReadOnlySpan<float> v, Span<float> output, AttentionShape s)
    {
        Checks.Attention(q, k, v, output, s);
        fixed (float* qp = q, kp = k, vp = v, op = output)
        {
            nint pq = (nint)qp, pk = (nint)kp, pv = (nint)vp, po = (nint)op;
            var attention = _attention;
            WorkSplit.For(Threads, s.Heads, (h0, h1) => attention((float*)pq, (float*)pk, (float*)pv, (float*)po,
                s.Queries, s.Keys, s.Heads, s.KvHeads, s.HeadDim, s.Causal ? 1 : 0, s.FirstQueryPosition, h0, h1));
        }
    }

    public void Embedding(ReadOnlySpan<float> table, int dim, ReadOnlySpan<int> ids, Span<float> y)
    {
        Checks.Embedding(table, dim, ids, y);
        fixed (float* tp = table, yp = y)
        fixed (int* ip = ids) _embedding(tp, dim, ip, ids.Length, yp);
    }

    static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address
            : throw new InvalidOperationException($"the native kernel library lacks {name}: it was built from other sources");
}
