using System.Text.Json;

namespace HwForge.Agents.Runs;

/// <summary>
/// Makes a run resumable: every step that costs something (an LLM call, a judgement) runs through
/// <see cref="RunAsync{T}"/> under a key, and its result is recorded in the event log when it finishes.
/// After a kill, the supervisor walks the same steps again and each finished one returns its recorded result
/// instead of running, so nothing is repeated and nothing already done is lost.
/// </summary>
public sealed class StepJournal
{
    private readonly EventLog _log;
    private readonly Dictionary<string, JsonElement> _finished = new(StringComparer.Ordinal);

    public StepJournal(EventLog log)
    {
        _log = log;
        foreach (var e in log.Events)
            if (e is StepCompletedEvent step) _finished[step.Step] = step.Result;
    }

    /// <summary>Steps answered from the log rather than run, in this process.</summary>
    public int Replayed { get; private set; }

    public bool IsFinished(string key)
    {
        lock (_finished) return _finished.ContainsKey(key);
    }

    public async Task<T> RunAsync<T>(string key, Func<CancellationToken, Task<T>> step, CancellationToken cancellation)
    {
        lock (_finished)
        {
            if (_finished.TryGetValue(key, out var recorded))
            {
                Replayed++;
                // A step that found nothing (no reference PPA, no repair) recorded null, and replays it.
                return recorded.ValueKind == JsonValueKind.Null ? default! : RunJson.FromElement<T>(recorded);
            }
        }
        var result = await step(cancellation);
        var data = RunJson.ToElement(result);
        await _log.AppendAsync(new StepCompletedEvent { Step = key, Result = data }, CancellationToken.None);
        lock (_finished) _finished[key] = data;
        return result;
    }
}
