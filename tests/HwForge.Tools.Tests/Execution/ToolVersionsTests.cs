using HwForge.Tools.Programs.Icarus;

namespace HwForge.Tools.Tests.Execution;

public sealed class ToolVersionsTests : IDisposable
{
    private readonly TestHost _test = new();

    [Fact]
    public async Task A_caller_cancelled_while_waiting_for_a_version_does_not_spoil_it_for_the_next_caller()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _test.Versions.GetAsync(IcarusTool.Descriptor, cancelled.Token));

        var version = await _test.Versions.GetAsync(IcarusTool.Descriptor);

        Assert.True(version.Available, version.Problem);
    }

    public void Dispose() => _test.Dispose();
}
