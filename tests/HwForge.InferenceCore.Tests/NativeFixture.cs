using HwForge.InferenceCore.Kernels.Native;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.InferenceCore.Tests;

/// <summary>
/// The native set as a user gets it: the real g++ inside the real bubblewrap sandbox, into a fresh HWFORGE_HOME,
/// loaded with NativeLibrary. Built once for the test class (a few seconds).
/// </summary>
public sealed class NativeFixture : IDisposable
{
    public HwForgeHome Home { get; } = new(Directory.CreateTempSubdirectory("hwforge-core-test-").FullName);
    public ToolHost Host { get; }
    public NativeKernels Kernels { get; }

    public NativeFixture()
    {
        Host = new ToolHost(new BubblewrapSandbox(), Home, cache: null);
        var library = NativeBuild.RequireAsync(Host, NativeVariant.Default).GetAwaiter().GetResult();
        Kernels = NativeKernels.Load(library, NativeVariant.Default);
    }

    public void Dispose()
    {
        Host.Dispose();
        // The loaded library stays mapped; deleting its file is still fine on Linux.
        try { Directory.Delete(Home.Root, recursive: true); } catch (IOException) { }
    }
}
