using System.Runtime.Intrinsics;
using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Native;

namespace HwForge.InferenceCore.Optimize;

/// <summary>A candidate and why the catalog proposes it, for the run's record.</summary>
public sealed record Proposal(KernelChoice Choice, string Why);

/// <summary>
/// The offline catalog: per op, the kernels worth trying on this CPU. The reference is always there, as the start
/// of the search and its floor; the managed SIMD set and the native default follow; for GEMM, native variants
/// vary the register tile (as the CPU's vector registers allow), the cache blocks, the unrolling and the vector
/// width. Thread count is not a variant: every candidate is timed at the threads the run states.
/// </summary>
public static class KernelCatalog
{
    public static IReadOnlyList<Proposal> For(Op op)
    {
        var list = new List<Proposal>
        {
            new(KernelChoice.Reference, "the oracle: scalar loops, double accumulation"),
            new(KernelChoice.Shipped, "managed SIMD (TensorPrimitives; Vector512 GEMM where the CPU has it)"),
        };
        if (op == Op.MatMul && Vector512.IsHardwareAccelerated)
            list.Add(new(new KernelChoice("simd256"), "managed SIMD with the Vector256 GEMM tile"));
        list.Add(new(KernelChoice.Native(NativeVariant.Default), "native default: g++ -O3 -march=native, 6x16 AVX2 tile"));
        if (op == Op.MatMul) list.AddRange(GemmVariants());
        return list;
    }

    static IEnumerable<Proposal> GemmVariants()
    {
        var d = NativeVariant.Default;
        yield return new(KernelChoice.Native(d with { Unroll = 1 }), "no k unrolling: a smaller loop body, the front end may keep up anyway");
        yield return new(KernelChoice.Native(d with { Unroll = 8 }), "deeper k unrolling: fewer loop branches");
        yield return new(KernelChoice.Native(d with { Kc = 384 }), "KC = 384: MiniLM's hidden size in one K block, no second pass over C");
        yield return new(KernelChoice.Native(d with { Kc = 128 }), "KC = 128: B's micro-panel halves, 8 KiB in L1");
        yield return new(KernelChoice.Native(d with { Mc = 48 }), "MC = 48: A's block in less L2");
        yield return new(KernelChoice.Native(d with { Mc = 132 }), "MC = 132: MiniLM's 128 tokens in one A block, so B is streamed once per K block");
        yield return new(KernelChoice.Native(d with { Mc = 132, Kc = 384 }), "MC = 132 and KC = 384: one A block and one K block at MiniLM's sizes");
        yield return new(KernelChoice.Native(d with { Mc = 144 }), "MC = 144: fewer passes over B's packed block");
        yield return new(KernelChoice.Native(d with { Nc = 512 }), "NC = 512: B's packed block in L2 rather than L3");
        yield return new(KernelChoice.Native(d with { Mr = 4, Nr = 24, Mc = 64 }), "4x24 tile: three B vectors per k, 12 accumulators");
        yield return new(KernelChoice.Native(d with { Mr = 4, Nr = 24, Mc = 128 }), "4x24 tile, MC = 128: 128 tokens in one A block");
        yield return new(KernelChoice.Native(d with { Mr = 4, Nr = 24, Mc = 128, Kc = 384 }), "4x24 tile, MC = 128, KC = 384: one A block and one K block at MiniLM's sizes");
        yield return new(KernelChoice.Native(d with { Mr = 12, Nr = 8, Mc = 72 }), "12x8 tile: one B vector per k, more broadcasts");
        yield return new(KernelChoice.Native(d with { Mr = 4, Nr = 16, Mc = 64 }), "4x16 tile: fewer accumulators, less register pressure");
        if (CpuIdentity.WidestVectorBits == 512)
        {
            yield return new(KernelChoice.Native(d with { Mr = 6, Nr = 32, VectorBits = 512 }), "AVX-512 6x32 tile");
            yield return new(KernelChoice.Native(d with { Mr = 12, Nr = 32, Mc = 96, VectorBits = 512 }), "AVX-512 12x32 tile: 24 accumulators");
            yield return new(KernelChoice.Native(d with { Mr = 8, Nr = 48, Mc = 64, VectorBits = 512 }), "AVX-512 8x48 tile");
        }
    }
}
