using System.Globalization;

namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>
/// One build of the native kernels: the GEMM's register tile (Mr × Nr), its cache blocks (Kc, Mc, Nc), how far the
/// micro-kernel's k loop is unrolled, and the vector width. Each becomes a <c>-DHWF_…</c> macro of the same C++
/// source, so a variant is a value, and two equal variants are the same library.
/// </summary>
public sealed record NativeVariant(int Mr = 6, int Nr = 16, int Kc = 256, int Mc = 72, int Nc = 2048, int Unroll = 4, int VectorBits = 256)
{
    /// <summary>What ships: the 6×16 AVX2 tile BLIS uses on Zen, with blocks sized for a 32 KiB L1 and 1 MiB L2.</summary>
    public static NativeVariant Default { get; } = new();

    public IReadOnlyList<string> Defines =>
    [
        $"-DHWF_MR={Mr}", $"-DHWF_NR={Nr}", $"-DHWF_KC={Kc}", $"-DHWF_MC={Mc}", $"-DHWF_NC={Nc}",
        $"-DHWF_UNROLL={Unroll}", $"-DHWF_VECTOR_BITS={VectorBits}",
    ];

    /// <summary>Short and stable, for tables and run folders: "6x16 kc256 mc72 nc2048 u4 v256".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Mr}x{Nr} kc{Kc} mc{Mc} nc{Nc} u{Unroll} v{VectorBits}");

    /// <summary>Whether the tile fits the vector registers (16 for AVX2, 32 for AVX-512), as the C++ static_assert demands.</summary>
    public bool FitsRegisters
    {
        get
        {
            var width = VectorBits / 32;
            if (Nr % width != 0 || Mr < 1) return false;
            var vectors = Nr / width;
            return Mr * vectors + vectors + 1 <= (VectorBits == 512 ? 32 : 16);
        }
    }
}
