using HwForge.InferenceCore.Kernels;
using HwForge.InferenceCore.Kernels.Native;
using HwForge.InferenceCore.Optimize;
using HwForge.Tools.Foundation;

namespace HwForge.InferenceCore.Tests;

/// <summary>Kernel manifests on disk: content-addressed, applied by naming, and a broken pointer said in words.</summary>
public sealed class ManifestStoreTests : IDisposable
{
    readonly HwForgeHome _home = new(Directory.CreateTempSubdirectory("hwforge-manifest-test-").FullName);

    static KernelManifest Manifest(NativeVariant variant) => new(KernelManifest.CurrentFormat, "test cpu", 1,
        [new ManifestEntry(Op.MatMul, KernelChoice.Native(variant), 1.5, 3.0, "a run")], null, "a run", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_same_manifest_is_stored_once_under_its_hash_and_reads_back_equal()
    {
        var store = new ManifestStore(_home);
        var hash = store.Save(Manifest(NativeVariant.Default));

        Assert.Equal(hash, store.Save(Manifest(NativeVariant.Default)));
        Assert.NotEqual(hash, store.Save(Manifest(NativeVariant.Default with { Mr = 4, Nr = 24 })));
        Assert.Null(store.Current());

        store.Apply(hash);
        var (current, manifest) = store.Current()!.Value;
        Assert.Equal(hash, current);
        Assert.Equal(KernelChoice.Native(NativeVariant.Default), manifest.ChoiceFor(Op.MatMul));
        Assert.Equal(KernelChoice.Shipped, manifest.ChoiceFor(Op.Gelu)); // ops it does not name stay shipped

        Assert.True(store.Reset());
        Assert.Null(store.Current());
        Assert.True(File.Exists(store.PathOf(hash))); // reset keeps the record
    }

    [Fact]
    public void A_current_pointer_to_a_missing_manifest_says_how_to_get_back_to_the_shipped_sets()
    {
        var store = new ManifestStore(_home);
        var hash = store.Save(Manifest(NativeVariant.Default));
        store.Apply(hash);
        File.Delete(store.PathOf(hash));

        var e = Assert.Throws<HwForgeException>(() => store.Current());
        Assert.Contains("reset the kernels", e.Message);
    }

    public void Dispose() => Directory.Delete(_home.Root, recursive: true);
}
