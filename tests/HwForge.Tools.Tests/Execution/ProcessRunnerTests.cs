using System.Diagnostics;
using HwForge.Tools.Foundation.Execution;

namespace HwForge.Tools.Tests.Execution;

public class ProcessRunnerTests
{
    private static ToolInvocation Shell(string script) => new("sh", ["-c", script]);

    [Fact]
    public async Task A_run_returns_exit_code_and_both_streams()
    {
        var result = await ProcessRunner.RunAsync(Shell("echo out; echo err >&2; exit 3"));
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.Equal(LimitHit.None, result.Limit);
    }

    [Fact]
    public async Task Standard_input_is_delivered_and_then_closed()
    {
        var result = await ProcessRunner.RunAsync(Shell("cat") with { StandardInput = "hello" });
        Assert.Equal("hello", result.StandardOutput);
        var closed = await ProcessRunner.RunAsync(Shell("cat; echo done"));
        Assert.Equal("done\n", closed.StandardOutput);
    }

    [Fact]
    public async Task The_environment_holds_only_what_the_invocation_names()
    {
        Environment.SetEnvironmentVariable("HWFORGE_TEST_API_KEY", "sk-secret");
        var result = await ProcessRunner.RunAsync(Shell("env").WithEnvironment("PATH", "/usr/bin:/bin"));
        Assert.DoesNotContain("sk-secret", result.StandardOutput);
        Assert.Contains("PATH=/usr/bin:/bin", result.StandardOutput);
    }

    [Fact]
    public async Task A_run_that_outlives_its_timeout_is_killed_with_its_children()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"hwforge-orphan-{Guid.NewGuid():N}");
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(
            Shell($"(sleep 3; touch {marker}) & sleep 30").WithLimits(ResourceLimits.Default.WithTimeout(TimeSpan.FromMilliseconds(300))));
        Assert.True(result.TimedOut);
        Assert.Equal(ToolRunResult.TimeoutExitCode, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        await Task.Delay(3500);
        Assert.False(File.Exists(marker), "the background child survived the kill");
    }

    [Fact]
    public async Task A_background_child_that_keeps_the_output_open_does_not_hold_the_run()
    {
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(Shell("sleep 6 & echo started; exit 4"));
        Assert.Equal(4, result.ExitCode);
        Assert.Equal("started\n", result.StandardOutput);
        Assert.Equal(LimitHit.None, result.Limit);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_kills_the_run_at_once()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync(Shell("sleep 30"), cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_flood_of_output_is_cut_to_head_and_tail_and_stopped()
    {
        var limits = ResourceLimits.Default with { CapturedOutputBytes = 1000, OutputKillBytes = 50L << 20 };
        var result = await ProcessRunner.RunAsync(Shell("echo FIRST; yes flood; echo LAST").WithLimits(limits));
        Assert.Equal(LimitHit.OutputFlood, result.Limit);
        Assert.True(result.OutputTruncated);
        Assert.StartsWith("FIRST\n", result.StandardOutput);
        Assert.Contains("bytes omitted", result.StandardOutput);
        Assert.True(result.StandardOutput.Length < 1200);
    }

    [Fact]
    public async Task Long_output_under_the_kill_limit_keeps_its_end()
    {
        var limits = ResourceLimits.Default with { CapturedOutputBytes = 100 };
        var result = await ProcessRunner.RunAsync(Shell("seq 1 100000").WithLimits(limits));
        Assert.Equal(LimitHit.None, result.Limit);
        Assert.EndsWith("99999\n100000\n", result.StandardOutput);
        Assert.StartsWith("1\n2\n3\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_missing_program_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => ProcessRunner.RunAsync(new ToolInvocation("no-such-tool-xyz", [])));
        Assert.Contains("install-toolchain.sh", error.Message);
    }

    [Fact]
    public async Task Streaming_yields_lines_as_they_come_and_then_the_result()
    {
        var events = new List<ProcessEvent>();
        await foreach (var e in ProcessStreaming.StreamAsync(Shell("echo one; echo two >&2; printf three")))
            events.Add(e);
        var lines = events.OfType<OutputLine>().ToList();
        Assert.Contains(lines, l => l is { Text: "one", IsError: false });
        Assert.Contains(lines, l => l is { Text: "two", IsError: true });
        Assert.Contains(lines, l => l is { Text: "three", IsError: false });
        Assert.IsType<ProcessExited>(events[^1]);
        Assert.Equal(0, ((ProcessExited)events[^1]).Result.ExitCode);
    }

    [Fact]
    public async Task Streaming_can_be_cancelled_mid_run()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in ProcessStreaming.StreamAsync(Shell("while :; do echo tick; sleep 0.05; done"), cancel.Token))
                if (e is OutputLine && ++seen == 3) cancel.Cancel();
        });
        Assert.True(seen >= 3);
    }
}
