using HwForge.Tools.Foundation;
using HwForge.WebUI.Hosting;
using HwForge.WebUI.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Components.Pages;

/// <summary>
/// One run: the page is rendered from its events as they are now, and the run view in it is an interactive island
/// (<see cref="Run.LiveRunView"/>) that follows the run over the circuit while it runs. Cancel and resume are plain
/// forms, so they work without script too.
/// </summary>
public partial class RunPage
{
    [Parameter] public string Id { get; set; } = "";

    [Inject] public required RunService Runs { get; set; }

    [Inject] public required NavigationManager Navigation { get; set; }

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    private RunSnapshot? _snapshot;
    private string? _message;
    private string? _followUp;

    private string Owner => SessionOwner.Of(HttpContext!);

    protected override void OnParametersSet() => Load();

    private void Load()
    {
        if (Runs.PathOf(Owner, Id) is not { } path) { _snapshot = null; return; }
        var followUp = Path.Combine(path, RunService.FollowUpFile);
        _followUp = File.Exists(followUp) ? File.ReadAllText(followUp) : null;
        using var watch = Runs.Watch(Owner, Id)!;
        _snapshot = RunSnapshot.Load(Id, path, RunState.From(watch.Snapshot), watch.Updates is not null);
    }

    private async Task Cancel()
    {
        if (Runs.Live(Owner, Id) is { } live && Runs.Cancel(Owner, Id))
        {
            // The run stops at its next await; waiting briefly lets the page show it stopped.
            await Task.WhenAny(live.Completion, Task.Delay(TimeSpan.FromSeconds(10)));
        }
        Navigation.NavigateTo($"/runs/{Id}");
    }

    private void Resume()
    {
        try
        {
            Runs.Resume(Owner, Id);
        }
        catch (Exception e) when (e is ArgumentException or HwForgeException or InvalidOperationException or IOException)
        {
            _message = e.Message;
            Load();
            return;
        }
        Navigation.NavigateTo($"/runs/{Id}");
    }
}
