using System.Diagnostics;

namespace HwForge.Cli.Tests.Batch;

/// <summary>Waits for something a running process is expected to do, failing with a sentence when it does not.</summary>
internal static class Eventually
{
    public static async Task HappensAsync(Func<Task<bool>> condition, TimeSpan within, string failure, Process? mustStayAlive = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(mustStayAlive?.HasExited ?? false, $"the process ended first: {failure}");
            Assert.True(clock.Elapsed < within, failure);
            await Task.Delay(50);
        }
    }

    public static Task HappensAsync(Func<bool> condition, TimeSpan within, string failure, Process? mustStayAlive = null) =>
        HappensAsync(() => Task.FromResult(condition()), within, failure, mustStayAlive);
}
