using System.Threading.Channels;

namespace HwForge.Cli.Watch;

/// <summary>
/// Saves of the watched files, as one signal per burst: an editor's save is often several events (write, rename,
/// attributes), and a check should start once the burst has been quiet for the debounce time.
/// </summary>
internal sealed class DebouncedChanges : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TimeSpan _quiet;
    private readonly Func<string, bool> _watched;

    public DebouncedChanges(IEnumerable<string> folders, Func<string, bool> watched, TimeSpan quiet)
    {
        _quiet = quiet;
        _watched = watched;
        foreach (var folder in folders.Distinct())
        {
            var watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Renamed += (s, e) => OnChange(s, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Waits for the next burst of changes to end.</summary>
    public async Task WaitAsync(CancellationToken cancellation)
    {
        await _signals.Reader.ReadAsync(cancellation);
        // Each further event within the quiet time pushes the check back.
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            quiet.CancelAfter(_quiet);
            try { await _signals.Reader.ReadAsync(quiet.Token); }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested) { return; }
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (_watched(e.FullPath)) _signals.Writer.TryWrite(true);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
    }
}
