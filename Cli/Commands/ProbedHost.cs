using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;

namespace HwForge.Cli.Commands;

/// <summary>
/// What <c>tools</c> and <c>targets</c> both need: whether the sandbox works, and, when it does, a host to ask the
/// tools their versions through (HwForge runs tools only confined, even to ask a version).
/// </summary>
internal sealed record ProbedHost(SandboxStatus Status, HwForgeHome Home, ToolVersions? Versions, ToolHost? Host)
{
    public static async Task<ProbedHost> CreateAsync(bool unsafeNoSandbox)
    {
        var home = HwForgeHome.FromEnvironment();
        var status = unsafeNoSandbox
            ? new SandboxStatus(true, new UnsafeNoSandbox().Name, "disabled by the user", null)
            : await SandboxProbe.StatusAsync();
        ISandbox? sandbox = unsafeNoSandbox ? new UnsafeNoSandbox() : status.Works ? new BubblewrapSandbox() : null;
        var host = sandbox is null ? null : new ToolHost(sandbox, home, new ContentCache(home.Cache));
        return new ProbedHost(status, home, host is null ? null : new ToolVersions(host), host);
    }
}
