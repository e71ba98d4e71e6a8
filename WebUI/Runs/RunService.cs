using System.Collections.Concurrent;
using HwForge.Agents;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Llm;
using HwForge.Agents.Runs;
using HwForge.KnowledgeBase;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Programs;
using HwForge.Tools.Reward;

namespace HwForge.WebUI.Runs;

/// <summary>A run in the history list.</summary>
public sealed record RunSummary(string Id, string Request, DateTimeOffset Created, RunPhase Phase, bool Active, string? Status);

/// <summary>
/// Owns the runs the web UI starts: each runs in a background task with its own cancellation, in a run
/// folder exactly like <c>hwforge design</c>'s, with an <c>owner</c> file naming the browser session that
/// started it. Every lookup takes that owner, so one session never sees another's runs. A run is only started
/// (or resumed) while its session and the server are under their limits of runs going at once.
/// </summary>
public sealed class RunService(HwForgeHome home, LlmSettings llm, ToolHost host, IKnowledgeStore? knowledge, WebUiOptions options) : IAsyncDisposable
{
    public const string OwnerFile = "owner";

    /// <summary>What the page made of a follow-up message (objectives it named), shown under the request.</summary>
    public const string FollowUpFile = "follow-up.txt";

    /// <summary>The chat form's names for the run options it offers, by option name.</summary>
    public static IReadOnlyDictionary<string, string> FormLabels { get; } = new Dictionary<string, string>
    {
        ["candidates"] = "Candidates",
        ["optimize"] = "Optimization rounds",
    };

    private readonly ConcurrentDictionary<string, LiveRun> _live = new();
    // Held from the limit check to the run being live, so two requests at once cannot both take the last place.
    private readonly Lock _launching = new();

    public WebUiOptions Options { get; } = options;

    /// <summary>True when runs go to an LLM unless the user asks for the offline catalog.</summary>
    public bool LlmConfigured => Llm.IsConfigured;

    private LlmSettings _llm = llm;

    /// <summary>The LLM new runs use: the server's settings at start, or those given on the settings page since.</summary>
    public LlmSettings Llm => Volatile.Read(ref _llm);

    /// <summary>Where the LLM settings on the settings page are saved when the user asks for that.</summary>
    public HwForgeHome Home => home;

    /// <summary>Runs started from now on use <paramref name="settings"/>; runs going on keep the LLM they started with.</summary>
    public void UseLlm(LlmSettings settings) => Volatile.Write(ref _llm, settings);

    /// <summary>Says plainly where designs come from.</summary>
    public string DesignSource => Llm is { IsConfigured: true } llm
        ? $"the LLM {llm.Model} at {llm.DisplayEndpoint}"
        : "the offline catalog (no LLM configured)";

    public bool Sandboxed => host.Sandbox.Confines;

    /// <summary>Why a configured API key is not sent to the LLM (it belongs to another endpoint), or null.</summary>
    public string? KeyWithheld => Llm is { IsConfigured: true } llm ? llm.KeyWithheld : null;

    /// <summary>Starts a run of <paramref name="request"/> for <paramref name="owner"/> and returns its id.</summary>
    /// <param name="objectives">The objective weights (a follow-up's, or the earlier run's); equal when not given.</param>
    /// <param name="said">A line for the run's steps before its first, saying what the page made of the message.</param>
    public string Start(string owner, string request, int candidates, int optimizeRounds, bool offline,
        ObjectiveWeights? objectives = null, string? said = null)
    {
        var llm = Llm;
        var useLlm = llm.IsConfigured && !offline;
        var runOptions = new RunOptions
        {
            Request = request,
            Mode = useLlm ? DesignMode.Llm : DesignMode.Offline,
            LlmEndpoint = useLlm ? llm.Endpoint!.ToString() : null,
            Model = useLlm ? llm.Model : null,
            Candidates = candidates,
            RepairRounds = Options.Defaults.RepairRounds,
            OptimizeRounds = optimizeRounds,
            OptimizeBatch = Options.Defaults.OptimizeBatch,
            Objectives = objectives ?? ObjectiveWeights.Equal,
        };
        // The table's checks, said with the form's names for the fields the user filled in.
        if (runOptions.Problems() is [var problem, ..])
            throw new HwForgeException(problem.Kind, problem.Worded(FormLabels.GetValueOrDefault(problem.Option, problem.Option)));
        runOptions = runOptions.Validated();
        lock (_launching)
        {
            Admit(owner);
            var folder = RunFolder.Create(RunFolderNames.NewIn(home.Runs, runOptions), runOptions);
            File.WriteAllText(Path.Combine(folder.Path, OwnerFile), owner);
            // Beside run.json, not in the journal: a run's first event must be its own start (else it reads as resumed).
            if (said is not null) File.WriteAllText(Path.Combine(folder.Path, FollowUpFile), said);
            Launch(folder, owner);
            return folder.Id;
        }
    }

    /// <summary>Continues a stopped run where its journal ends.</summary>
    public void Resume(string owner, string id)
    {
        var path = PathOf(owner, id) ?? throw new ArgumentException($"no run {id} of yours");
        lock (_launching)
        {
            if (_live.ContainsKey(id)) throw new InvalidOperationException($"{id} is still running");
            Admit(owner);
            Launch(RunFolder.Resume(path), owner);
        }
    }

    /// <summary>Cancels a running run; what it did so far stays in its folder.</summary>
    public bool Cancel(string owner, string id)
    {
        if (!_live.TryGetValue(id, out var live) || live.Owner != owner) return false;
        live.Cancellation.Cancel();
        return true;
    }

    public LiveRun? Live(string owner, string id) => _live.TryGetValue(id, out var live) && live.Owner == owner ? live : null;

    /// <summary>The run folder of one of <paramref name="owner"/>'s runs, or null (unknown, someone else's, or not a plain id).</summary>
    public string? PathOf(string owner, string id)
    {
        if (string.IsNullOrEmpty(id) || id != Path.GetFileName(id) || id.StartsWith('.')) return null;
        var path = Path.Combine(home.Runs, id);
        var ownerPath = Path.Combine(path, OwnerFile);
        try
        {
            return File.Exists(ownerPath) && File.ReadAllText(ownerPath).Trim() == owner ? path : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A run's events so far, and the live ones if it is running here; null if it is not the owner's.</summary>
    public RunWatch? Watch(string owner, string id)
    {
        if (PathOf(owner, id) is not { } path) return null;
        if (Live(owner, id) is { } live) return live.Watch();
        return new RunWatch(EventLog.Read(Path.Combine(path, RunFolder.EventsFile)), null, () => { });
    }

    /// <summary>The owner's runs, newest first.</summary>
    public IReadOnlyList<RunSummary> History(string owner)
    {
        var runs = new List<RunSummary>();
        foreach (var path in Directory.EnumerateDirectories(home.Runs))
        {
            var id = Path.GetFileName(path);
            if (PathOf(owner, id) is null) continue;
            try
            {
                var state = RunState.From(EventLog.Read(Path.Combine(path, RunFolder.EventsFile)));
                var created = Directory.GetCreationTimeUtc(path);
                // run.json has the user's words before the run's first event is logged (a page loaded at once).
                runs.Add(new RunSummary(id, state.Request ?? RunFiles.Request(path) ?? id, created, state.Phase, _live.ContainsKey(id), state.Status));
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                runs.Add(new RunSummary(id, $"{id} (unreadable: {e.Message})", Directory.GetCreationTimeUtc(path), RunPhase.Failed, false, null));
            }
        }
        return [.. runs.OrderByDescending(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>Throws <see cref="RunLimitException"/> when one more run would pass the session's or the server's limit.</summary>
    private void Admit(string owner)
    {
        var mine = _live.Values.Count(l => l.Owner == owner);
        if (mine >= Options.MaxRunsPerSession)
            throw new RunLimitException(
                $"You already have {mine} {(mine == 1 ? "run" : "runs")} going, the most one browser session may run at once. " +
                "Wait for one to finish, or cancel one, then send this again.");
        if (_live.Count >= Options.MaxRunsPerServer)
            throw new RunLimitException(
                $"This server is already working on {_live.Count} runs, the most it runs at once (counting every session's). " +
                "Try again when one of them finishes.");
    }

    private void Launch(RunFolder folder, string owner)
    {
        var live = new LiveRun(folder, owner);
        if (!_live.TryAdd(folder.Id, live))
        {
            _ = folder.DisposeAsync().AsTask();
            throw new InvalidOperationException($"{folder.Id} is already running");
        }
        folder.Events.Appended += live.Publish;
        live.Completion = Task.Run(() => RunAsync(live));
    }

    private async Task RunAsync(LiveRun live)
    {
        var run = live.Folder;
        var cancellation = live.Cancellation.Token;
        try
        {
            // Versions per run, not per app: ToolVersions keeps a probe's task, and a probe cancelled with one
            // run would otherwise stay cancelled for every later run.
            var versions = new ToolVersions(host);
            var strategy = DesignStrategies.For(run.Options, Llm, host, versions, knowledge is null ? null : new KnowledgePrompts(knowledge));
            await new DesignRunner(host, versions, knowledge).RunAsync(run, strategy, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await run.AppendAsync(new MessageEvent { Role = "web", Message = "Cancelled. Everything done so far is kept; **Resume** continues from here." });
        }
        catch (Exception e)
        {
            // The supervisor records its own failures; one before it started (an LLM not configured, say) is ours to record.
            if (run.Events.Events is not [.., RunFailedEvent])
                await run.AppendAsync(new RunFailedEvent { Message = e.Message });
        }
        finally
        {
            run.Events.Appended -= live.Publish;
            await run.DisposeAsync();
            _live.TryRemove(run.Id, out _);
            live.End();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var live in _live.Values) live.Cancellation.Cancel();
        await Task.WhenAll(_live.Values.Select(l => l.Completion));
        if (knowledge is not null) await knowledge.DisposeAsync();
    }
}
