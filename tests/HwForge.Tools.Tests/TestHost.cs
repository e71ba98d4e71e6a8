using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;

namespace HwForge.Tools.Tests;

/// <summary>
/// A real tool host for tests: bubblewrap, a private HWFORGE_HOME in a temporary folder, and its
/// own cache, deleted afterwards. Tests run the real tools through it.
/// </summary>
public sealed class TestHost : IDisposable
{
    /// <param name="poolSize">
    /// Warm sandboxes to keep ready (0: every run starts its sandbox cold). By default runs start cold,
    /// unless HWFORGE_SANDBOX_POOL is set: then the whole suite runs on warm sandboxes as a verify would.
    /// </param>
    public TestHost(bool useCache = true, int? poolSize = null)
    {
        poolSize ??= Environment.GetEnvironmentVariable(SandboxPool.SizeVariable) is null ? 0 : SandboxPool.ConfiguredSize();
        Home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-test-").FullName);
        Host = new ToolHost(new BubblewrapSandbox(), Home, useCache ? new ContentCache(Home.Cache) : null, poolSize.Value);
        Versions = new ToolVersions(Host);
    }

    public HwForgeHome Home { get; }

    public ToolHost Host { get; }

    public ToolVersions Versions { get; }

    /// <summary>A fresh folder for the test's own files (designs to read, say).</summary>
    public string NewFolder()
    {
        var path = Path.Combine(Home.Root, "files", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(NewFolder(), name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Host.Dispose();
        try { Directory.Delete(Home.Root, recursive: true); }
        catch (IOException) { }
    }
}
