using System.Collections.Concurrent;
using System.Diagnostics;

namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Starts every child process from one long-lived thread. bubblewrap's <c>--die-with-parent</c>
/// (PR_SET_PDEATHSIG) fires when the <em>thread</em> that forked it ends, and .NET retires idle
/// pool threads at will, which would kill sandboxed tools mid-run. This thread never ends while
/// HwForge runs, so the signal fires only when HwForge itself dies, as intended.
/// </summary>
internal static class ProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = new();

    static ProcessLauncher()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "HwForge process launcher" };
        thread.Start();
    }

    public static Process Start(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task.GetAwaiter().GetResult();
    }

    private static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try { started.SetResult(Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start")); }
            catch (Exception e) { started.SetException(e); }
        }
    }
}
