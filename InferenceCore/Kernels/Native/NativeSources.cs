using System.Reflection;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.InferenceCore.Kernels.Native;

/// <summary>The C++ sources of the native set, embedded in this assembly and staged into each sandboxed g++ run.</summary>
internal static class NativeSources
{
    /// <summary>The library's translation units, in link order.</summary>
    public static readonly string[] LibraryUnits = ["gemm.cpp", "rows.cpp", "attention.cpp"];

    /// <summary>The conformance harness's main: reads cases, runs them on the library's functions, writes the answers.</summary>
    public const string CheckMain = "check_main.cpp";

    const string Header = "hwforge_kernels.h";

    public static IReadOnlyList<InputFile> ForLibrary() => [.. new[] { Header }.Concat(LibraryUnits).Select(Input)];

    public static IReadOnlyList<InputFile> ForChecker() => [.. ForLibrary(), Input(CheckMain)];

    static InputFile Input(string name)
    {
        using var stream = typeof(NativeSources).Assembly.GetManifestResourceStream("native/" + name)
            ?? throw new InvalidOperationException($"the native source {name} is not embedded in {typeof(NativeSources).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new InputFile(name, copy.ToArray());
    }
}
