using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Native;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.InferenceCore.Optimize;

/// <summary>
/// Turns the names users type and the choices manifests hold into kernel sets. Native sets are built through the
/// sandbox on first use (later uses find the library in the cache); "auto" is the applied manifest, or the shipped
/// sets when none is applied.
/// </summary>
public sealed class KernelResolver(ToolHost host)
{
    public const string Names = "reference | simd512 | simd256 | native | auto";

    public async Task<IKernelSet> ChoiceAsync(KernelChoice choice, int threads, CancellationToken cancellation = default)
    {
        if (choice.Set != "native") return KernelSets.ByName(choice.Set, threads);
        var variant = choice.Variant ?? NativeVariant.Default;
        var library = await NativeBuild.RequireAsync(host, variant, cancellation).ConfigureAwait(false);
        return NativeKernels.Load(library, variant, threads);
    }

    /// <summary>A set by the name a user types.</summary>
    public async Task<IKernelSet> ByNameAsync(string name, int threads, CancellationToken cancellation = default) => name switch
    {
        "auto" => await AutoAsync(threads, cancellation).ConfigureAwait(false),
        "native" => await ChoiceAsync(KernelChoice.Native(NativeVariant.Default), threads, cancellation).ConfigureAwait(false),
        "reference" or "simd512" or "simd" or "simd256" => KernelSets.ByName(name, threads),
        _ => throw new HwForgeException(ProblemKind.InvalidInput, $"unknown kernel set '{name}': {Names}"),
    };

    /// <summary>The applied manifest's kernels at <paramref name="threads"/>, or the shipped set when none is applied.</summary>
    public async Task<IKernelSet> AutoAsync(int threads, CancellationToken cancellation = default)
    {
        var current = new ManifestStore(host.Home).Current();
        if (current is null) return KernelSets.ByName(KernelChoice.Shipped.Set, threads);
        return await ManifestAsync(current.Value.Manifest, $"auto({current.Value.Hash[..8]})", threads, cancellation).ConfigureAwait(false);
    }

    public async Task<ComposedKernels> ManifestAsync(KernelManifest manifest, string name, int threads, CancellationToken cancellation = default)
    {
        var sets = new Dictionary<KernelChoice, IKernelSet>();
        var serving = new Dictionary<Op, IKernelSet>();
        foreach (var op in Enum.GetValues<Op>())
        {
            var choice = manifest.ChoiceFor(op);
            if (!sets.TryGetValue(choice, out var set)) sets[choice] = set = await ChoiceAsync(choice, threads, cancellation).ConfigureAwait(false);
            serving[op] = set;
        }
        return new ComposedKernels(name, serving);
    }
}
