using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;

namespace HwForge.Agents.Tests;

/// <summary>Real tools in the real sandbox, with a private HWFORGE_HOME deleted afterwards; runs go under it.</summary>
public sealed class AgentTestHost : IDisposable
{
    public AgentTestHost()
    {
        Home = new HwForgeHome(Directory.CreateTempSubdirectory("hwforge-agents-").FullName);
        Host = new ToolHost(new BubblewrapSandbox(), Home, new ContentCache(Home.Cache));
        Versions = new ToolVersions(Host);
    }

    public HwForgeHome Home { get; }

    public ToolHost Host { get; }

    public ToolVersions Versions { get; }

    public DesignRunner Runner => new(Host, Versions);

    public string NewRunPath(string name = "run") => Path.Combine(Home.Runs, $"{name}-{Guid.NewGuid():N}"[..16]);

    public RunFolder NewRun(RunOptions options) => RunFolder.Create(NewRunPath(), options.Validated());

    public void Dispose()
    {
        try { Directory.Delete(Home.Root, recursive: true); }
        catch (IOException) { }
    }
}
