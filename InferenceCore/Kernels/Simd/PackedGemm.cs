using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HwForge.InferenceCore.Kernels.Simd;

/// <summary>
/// C += A·B in the GotoBLAS/BLIS shape: K is cut into blocks of KC; within a block A is packed into panels of MR rows
/// and B into panels of NR columns, each laid out so that the micro-kernel reads both strictly sequentially; the
/// micro-kernel keeps an MR×NR tile of C in registers for the whole block (16 zmm accumulators for 8×32).
/// Threads split the tiles of C, column panel outermost, so a B panel stays in cache across the row panels that
/// use it. Ragged edges are zero-padded in the packs and computed through a scratch tile, so the hot loop never
/// branches on size.
/// </summary>
internal sealed unsafe class PackedGemm
{
    // 256 rows of a 32-wide B panel is 32 KiB: the panel streams from L2 while the A panel (8 KiB) sits in L1.
    const int KC = 256;

    readonly int _mr, _nr, _threads;
    readonly bool _wide;

    public PackedGemm(bool wide, int threads)
    {
        _wide = wide;
        // 8×32 needs 16 zmm accumulators (of 32 registers); 6×16 needs 12 ymm (of 16 on an AVX2-only machine).
        (_mr, _nr) = wide ? (8, 32) : (6, 16);
        _threads = threads;
    }

    /// <summary>C[m×n] += A[m×k]·B[k×n], all row-major and dense.</summary>
    public void Accumulate(float* a, float* b, float* c, int m, int n, int k)
    {
        int mPanels = (m + _mr - 1) / _mr, nPanels = (n + _nr - 1) / _nr;
        var aPack = ArrayPool<float>.Shared.Rent(mPanels * _mr * KC);
        var bPack = ArrayPool<float>.Shared.Rent(nPanels * _nr * KC);
        try
        {
            fixed (float* ap = aPack, bp = bPack)
            {
                nint aP = (nint)ap, bP = (nint)bp, aIn = (nint)a, bIn = (nint)b, cOut = (nint)c;
                for (var pc = 0; pc < k; pc += KC)
                {
                    var kc = Math.Min(KC, k - pc);
                    var block = pc;
                    // Packing is a tenth of the work at small m; it is split over threads too.
                    WorkSplit.For(_threads, mPanels + nPanels, (from, to) =>
                    {
                        for (var t = from; t < to; t++)
                            if (t < mPanels) PackA((float*)aIn, k, m, t, block, kc, (float*)aP + t * _mr * kc);
                            else PackB((float*)bIn, n, t - mPanels, block, kc, (float*)bP + (t - mPanels) * _nr * kc);
                    });
                    WorkSplit.For(_threads, mPanels * nPanels, (from, to) =>
                    {
                        for (var t = from; t < to; t++)
                        {
                            int j = t / mPanels, i = t % mPanels;
                            Tile((float*)aP + i * _mr * kc, (float*)bP + j * _nr * kc, kc, (float*)cOut, n, i * _mr, j * _nr, m, n);
                        }
                    });
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(aPack);
            ArrayPool<float>.Shared.Return(bPack);
        }
    }

    void PackA(float* a, int lda, int m, int panel, int pc, int kc, float* dst)
    {
        var row0 = panel * _mr;
        for (var r = 0; r < _mr; r++)
        {
            var row = row0 + r;
            if (row < m)
            {
                var src = a + (long)row * lda + pc;
                for (var p = 0; p < kc; p++) dst[p * _mr + r] = src[p];
            }
            else
                for (var p = 0; p < kc; p++) dst[p * _mr + r] = 0;
        }
    }

    void PackB(float* b, int ldb, int panel, int pc, int kc, float* dst)
    {
        int col0 = panel * _nr, width = Math.Min(_nr, ldb - col0);
        for (var p = 0; p < kc; p++)
        {
            var src = new ReadOnlySpan<float>(b + (long)(pc + p) * ldb + col0, width);
            var to = new Span<float>(dst + p * _nr, _nr);
            src.CopyTo(to);
            if (width < _nr) to[width..].Clear();
        }
    }

    void Tile(float* ap, float* bp, int kc, float* c, int ldc, int row0, int col0, int m, int n)
    {
        int rows = Math.Min(_mr, m - row0), cols = Math.Min(_nr, n - col0);
        var dst = c + (long)row0 * ldc + col0;
        if (rows == _mr && cols == _nr)
        {
            Micro(ap, bp, kc, dst, ldc);
            return;
        }
        // A ragged tile goes through a full-size scratch tile so that the micro-kernel stays branch-free.
        var scratch = stackalloc float[8 * 32];
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < cols; j++) scratch[r * _nr + j] = dst[(long)r * ldc + j];
        Micro(ap, bp, kc, scratch, _nr);
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < cols; j++) dst[(long)r * ldc + j] = scratch[r * _nr + j];
    }

    void Micro(float* ap, float* bp, int kc, float* c, int ldc)
    {
        if (_wide) Micro8x32(ap, bp, kc, c, ldc);
        else Micro6x16(ap, bp, kc, c, ldc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Micro8x32(float* ap, float* bp, int kc, float* c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default;
        for (var p = 0; p < kc; p++, ap += 8, bp += 32)
        {
            var b0 = Vector512.Load(bp);
            var b1 = Vector512.Load(bp + 16);
            var a = Vector512.Create(ap[0]); c00 = Vector512.FusedMultiplyAdd(a, b0, c00); c01 = Vector512.FusedMultiplyAdd(a, b1, c01);
            a = Vector512.Create(ap[1]); c10 = Vector512.FusedMultiplyAdd(a, b0, c10); c11 = Vector512.FusedMultiplyAdd(a, b1, c11);
            a = Vector512.Create(ap[2]); c20 = Vector512.FusedMultiplyAdd(a, b0, c20); c21 = Vector512.FusedMultiplyAdd(a, b1, c21);
            a = Vector512.Create(ap[3]); c30 = Vector512.FusedMultiplyAdd(a, b0, c30); c31 = Vector512.FusedMultiplyAdd(a, b1, c31);
            a = Vector512.Create(ap[4]); c40 = Vector512.FusedMultiplyAdd(a, b0, c40); c41 = Vector512.FusedMultiplyAdd(a, b1, c41);
            a = Vector512.Create(ap[5]); c50 = Vector512.FusedMultiplyAdd(a, b0, c50); c51 = Vector512.FusedMultiplyAdd(a, b1, c51);
            a = Vector512.Create(ap[6]); c60 = Vector512.FusedMultiplyAdd(a, b0, c60); c61 = Vector512.FusedMultiplyAdd(a, b1, c61);
            a = Vector512.Create(ap[7]); c70 = Vector512.FusedMultiplyAdd(a, b0, c70); c71 = Vector512.FusedMultiplyAdd(a, b1, c71);
        }
        Store2(c, c00, c01); Store2(c + ldc, c10, c11); Store2(c + 2 * ldc, c20, c21); Store2(c + 3 * ldc, c30, c31);
        Store2(c + 4 * ldc, c40, c41); Store2(c + 5 * ldc, c50, c51); Store2(c + 6 * ldc, c60, c61); Store2(c + 7 * ldc, c70, c71);
    }

    static void Store2(float* c, Vector512<float> lo, Vector512<float> hi)
    {
        (Vector512.Load(c) + lo).Store(c);
        (Vector512.Load(c + 16) + hi).Store(c + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Micro6x16(float* ap, float* bp, int kc, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++, ap += 6, bp += 16)
        {
            var b0 = Vector256.Load(bp);
            var b1 = Vector256.Load(bp + 8);
            var a = Vector256.Create(ap[0]); c00 = Vector256.FusedMultiplyAdd(a, b0, c00); c01 = Vector256.FusedMultiplyAdd(a, b1, c01);
            a = Vector256.Create(ap[1]); c10 = Vector256.FusedMultiplyAdd(a, b0, c10); c11 = Vector256.FusedMultiplyAdd(a, b1, c11);
            a = Vector256.Create(ap[2]); c20 = Vector256.FusedMultiplyAdd(a, b0, c20); c21 = Vector256.FusedMultiplyAdd(a, b1, c21);
            a = Vector256.Create(ap[3]); c30 = Vector256.FusedMultiplyAdd(a, b0, c30); c31 = Vector256.FusedMultiplyAdd(a, b1, c31);
            a = Vector256.Create(ap[4]); c40 = Vector256.FusedMultiplyAdd(a, b0, c40); c41 = Vector256.FusedMultiplyAdd(a, b1, c41);
            a = Vector256.Create(ap[5]); c50 = Vector256.FusedMultiplyAdd(a, b0, c50); c51 = Vector256.FusedMultiplyAdd(a, b1, c51);
        }
        Store2(c, c00, c01); Store2(c + ldc, c10, c11); Store2(c + 2 * ldc, c20, c21);
        Store2(c + 3 * ldc, c30, c31); Store2(c + 4 * ldc, c40, c41); Store2(c + 5 * ldc, c50, c51);
    }

    static void Store2(float* c, Vector256<float> lo, Vector256<float> hi)
    {
        (Vector256.Load(c) + lo).Store(c);
        (Vector256.Load(c + 8) + hi).Store(c + 8);
    }
}
