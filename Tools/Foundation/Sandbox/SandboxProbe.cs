using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>Whether the sandbox works on this machine, and if not, what to do.</summary>
public sealed record SandboxStatus(bool Works, string Sandbox, string Detail, string? Fix);

/// <summary>
/// Decides which sandbox HwForge uses. It fails closed: if bubblewrap is missing or cannot create
/// its namespaces, tools do not run, unless the user passed <see cref="UnsafeNoSandbox.OptionName"/>.
/// </summary>
public static class SandboxProbe
{
    private const string InstallFix = "run sandbox/install-toolchain.sh (or: sudo apt-get install bubblewrap util-linux)";

    private static readonly Lazy<Task<SandboxStatus>> Cached = new(() => ProbeAsync(new BubblewrapSandbox(), HwForgeHome.FromEnvironment()));

    /// <summary>The probe's answer for this process (bubblewrap is probed once).</summary>
    public static Task<SandboxStatus> StatusAsync() => Cached.Value;

    /// <summary>The sandbox to use, or <see cref="SandboxUnavailableException"/> when none can be had safely.</summary>
    public static async Task<ISandbox> ChooseAsync(bool unsafeNoSandbox)
    {
        if (unsafeNoSandbox) return new UnsafeNoSandbox();
        var status = await StatusAsync().ConfigureAwait(false);
        if (!status.Works) throw new SandboxUnavailableException(status.Detail, status.Fix ?? InstallFix);
        return new BubblewrapSandbox();
    }

    /// <summary>Runs <c>true</c> in the sandbox, started exactly as a tool's run starts, and reports whether that worked.</summary>
    public static async Task<SandboxStatus> ProbeAsync(ISandbox sandbox, HwForgeHome home)
    {
        var probe = new ToolInvocation("true", []).WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(20)));
        // bwrap is started through a small sh entry (cgroup, seccomp filter), so a missing bwrap would only show as
        // sh's "not found": look for it first, and say plainly that it is not installed.
        if (sandbox is BubblewrapSandbox && !OnPath("bwrap"))
            return new SandboxStatus(false, sandbox.Name, "bubblewrap (bwrap) is not installed", InstallFix);
        try
        {
            using var site = await sandbox.OpenAsync(home, probe, CancellationToken.None).ConfigureAwait(false);
            var result = await site.RunAsync(probe, onChunk: null, CancellationToken.None).ConfigureAwait(false);
            if (result.Succeeded) return new SandboxStatus(true, sandbox.Name, "works", null);
            var said = result.StandardError.Trim();
            var fix = said.Contains("setpriv") || said.Contains("prlimit") ? InstallFix
                : said.Contains("uid map") || said.Contains("namespace") || said.Contains("Operation not permitted")
                    ? "allow unprivileged user namespaces (sudo sysctl -w kernel.unprivileged_userns_clone=1, " +
                      "or on Ubuntu: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0)"
                    : InstallFix;
            return new SandboxStatus(false, sandbox.Name, $"bubblewrap does not work here ({said})", fix);
        }
        catch (ToolNotFoundException)
        {
            return new SandboxStatus(false, sandbox.Name, "bubblewrap (bwrap) is not installed", InstallFix);
        }
        catch (SandboxUnavailableException e)
        {
            return new SandboxStatus(false, sandbox.Name, e.Problem, e.Fix);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
