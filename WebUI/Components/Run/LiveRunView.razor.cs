using HwForge.Agents.Runs;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace HwForge.WebUI.Components.Run;

/// <summary>
/// Follows a run while it is running here: the run's snapshot first, then its events in batches of
/// <see cref="WebUiOptions.LiveBatchWindow"/> (a burst of steps is one render), as the Aspire dashboard feeds its
/// views. Rendered statically it is the run as it is now; interactive, it subscribes once the circuit is up.
/// </summary>
public partial class LiveRunView
{
    [Parameter, EditorRequired] public required string RunId { get; set; }

    /// <summary>The browser session's owner id, read from its cookie by the page. Blazor protects a server
    /// component's parameters with data protection, so the page's markup never shows it.</summary>
    [Parameter, EditorRequired] public required string Owner { get; set; }

    /// <summary>Whether the page around this view was rendered while the run was running (with a Cancel button):
    /// then the run's end, even one between the prerender and the circuit, is told to the page.</summary>
    [Parameter] public bool PageRenderedActive { get; set; }

    [Inject] public required RunService Runs { get; set; }

    [Inject] public required IJSRuntime Js { get; set; }

    [Inject] public required NavigationManager Navigation { get; set; }

    private readonly CancellationTokenSource _gone = new();
    private RunSnapshot? _snapshot;
    private Task? _following;

    // Prerendered and again when the circuit starts: the run as its folder has it now (parameters stay strings,
    // which is all a server component's marker can carry).
    protected override void OnInitialized()
    {
        if (Runs.PathOf(Owner, RunId) is not { } path || Runs.Watch(Owner, RunId) is not { } watch) return;
        using (watch) _snapshot = RunSnapshot.Load(RunId, path, RunState.From(watch.Snapshot), watch.Updates is not null);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && PageRenderedActive) _following = FollowAsync(_gone.Token);
    }

    private async Task FollowAsync(CancellationToken cancellation)
    {
        try
        {
            // A fresh watch: whatever happened between the prerender and the circuit is in its snapshot.
            if (Runs.PathOf(Owner, RunId) is not { } path || Runs.Watch(Owner, RunId) is not { } watch) return;
            using (watch)
            {
                var state = RunState.From(watch.Snapshot);
                await ShowAsync(RunSnapshot.Load(RunId, path, state, watch.Updates is not null));
                if (watch.Updates is { } updates)
                {
                    await foreach (var batch in updates.ReadBatchesAsync(Runs.Options.LiveBatchWindow, cancellation))
                    {
                        state = batch.Aggregate(state, (s, e) => s.Apply(e));
                        await ShowAsync(RunSnapshot.Load(RunId, path, state, active: true));
                    }
                }
                var ended = RunSnapshot.Load(RunId, path, state, active: false);
                await ShowAsync(ended);
                var phase = RunWords.Phase(false, ended.State.Phase, ended.State.Status);
                // A stopped run is offered Resume by the page around this view, which is rendered statically.
                if (phase == "stopped") Navigation.Refresh(forceReload: true);
                else await Js.InvokeVoidAsync("hwforge.runEnded", cancellation, phase);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The page went away.
        }
        catch (JSDisconnectedException)
        {
            // The browser went away between the last render and the notice.
        }
    }

    private Task ShowAsync(RunSnapshot snapshot) => InvokeAsync(() =>
    {
        _snapshot = snapshot;
        StateHasChanged();
    });

    public async ValueTask DisposeAsync()
    {
        await _gone.CancelAsync();
        if (_following is { } following) await following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _gone.Dispose();
    }
}
