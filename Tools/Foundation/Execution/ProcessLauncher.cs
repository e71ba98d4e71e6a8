using System.Collections.Concurrent;
using System.Diagnostics;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Starts every child process from one long-lived thread. bubblewrap's <c>--die-with-parent</c>
/// (PR_SET_PDEATHSIG) fires when the <em>thread</em> that forked it ends, and .NET retires idle
/// pool threads at will, which would kill sandboxed tools mid-run. This thread never ends while
/// HwForge runs, so the signal fires only when HwForge itself dies, as intended. CliWrap cannot do this
/// part: it forks on whichever thread calls <c>ExecuteAsync</c>, so that call is made here (it starts the
/// process synchronously, before its first await).
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<Action> Requests = new();

    static ProcessLauncher()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "HwForge process launcher" };
        thread.Start();
    }

    /// <summary>Runs <paramref name="start"/> (which forks) on the launcher thread and returns what it returned, or throws what it threw.</summary>
    public static T Start<T>(Func<T> start)
    {
        var started = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add(() =>
        {
            try { started.SetResult(start()); }
            catch (Exception e) { started.SetException(e); }
        });
        return started.Task.GetAwaiter().GetResult();
    }

    public static Process Start(ProcessStartInfo info) =>
        Start(() => Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start"));

    private static void Serve()
    {
        foreach (var request in Requests.GetConsumingEnumerable()) request();
    }
}
