using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;

namespace HwForge.Tools.Tests.Sandbox;

public sealed class SandboxProbeTests : IDisposable
{
    private readonly TestHost _test = new(useCache: false);

    [Fact]
    public async Task Bubblewrap_works_on_this_machine()
    {
        var status = await SandboxProbe.ProbeAsync(new BubblewrapSandbox(), _test.Home);
        Assert.True(status.Works, status.Detail);
    }

    /// <summary>A sandbox whose launcher is missing must refuse, with the fix, rather than run unconfined.</summary>
    [Fact]
    public async Task A_missing_bubblewrap_is_refused_with_the_fix()
    {
        var status = await SandboxProbe.ProbeAsync(new MissingLauncherSandbox(), _test.Home);
        Assert.False(status.Works);
        Assert.Contains("not installed", status.Detail);
        Assert.Contains("install-toolchain.sh", status.Fix);
    }

    [Fact]
    public async Task A_broken_bubblewrap_is_refused_with_what_it_said()
    {
        var status = await SandboxProbe.ProbeAsync(new BrokenSandbox(), _test.Home);
        Assert.False(status.Works);
        Assert.Contains("bwrap: Unknown option", status.Detail);
    }

    [Fact]
    public void The_unsafe_mode_names_itself_loudly_and_still_scrubs_secrets()
    {
        var sandbox = new UnsafeNoSandbox();
        Assert.Contains("UNSAFE", sandbox.Name);
        var confined = sandbox.Confine(new ToolInvocation("env", []).WithEnvironment("OPENAI_API_KEY", "sk-x"));
        Assert.DoesNotContain("OPENAI_API_KEY", confined.Environment.Keys);
    }

    [Fact]
    public void The_sandbox_refuses_a_run_without_a_work_folder() =>
        Assert.Throws<ArgumentException>(() => new BubblewrapSandbox().Confine(new ToolInvocation("true", [])));

    public void Dispose() => _test.Dispose();

    private sealed class MissingLauncherSandbox : ISandbox
    {
        public string Name => "missing";
        public bool Confines => true;
        public ToolInvocation Confine(ToolInvocation invocation) => invocation with { Program = "bwrap-not-installed-here" };
    }

    private sealed class BrokenSandbox : ISandbox
    {
        public string Name => "broken";
        public bool Confines => true;
        /// <summary>bubblewrap itself, given a flag it does not know (the start's shell runs it as its first word after the shell's own).</summary>
        public ToolInvocation Confine(ToolInvocation invocation)
        {
            var confined = new BubblewrapSandbox().Confine(invocation);
            var bwrap = confined.Arguments.ToList().IndexOf("bwrap");
            return confined with { Arguments = [.. confined.Arguments.Take(bwrap + 1), "--no-such-flag", .. confined.Arguments.Skip(bwrap + 1)] };
        }
    }
}
