using Microsoft.Extensions.AI;

namespace HwForge.Agents.Llm;

/// <summary>
/// One attempt's stream of updates with its silence timer: each update restarts the timer, so a long answer that
/// keeps talking is never cut, and one that goes quiet for longer than the timeout fails as a timeout.
/// </summary>
internal sealed class LlmStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly IAsyncEnumerator<ChatResponseUpdate> _updates;
    private readonly LlmSettings _settings;
    private readonly string _model;
    private readonly CancellationToken _cancellation;
    private int _attempts;

    public LlmStream(Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> open, CancellationTokenSource timeout, LlmSettings settings,
        string model, CancellationToken cancellation)
    {
        _timeout = timeout;
        _settings = settings;
        _model = model;
        _cancellation = cancellation;
        _updates = open(timeout.Token).GetAsyncEnumerator(timeout.Token);
    }

    public ChatResponseUpdate Current => _updates.Current;

    /// <summary>Waits for the first update; a failure here may still be retried (<see cref="LlmRetry.FailedAttempt"/>).</summary>
    public async Task<bool> FirstAsync(int attempts)
    {
        _attempts = attempts;
        try
        {
            return await MoveAsync();
        }
        catch (Exception e) when (LlmRetry.Classify(e, _timeout, _cancellation) is { } failure)
        {
            throw new LlmRetry.FailedAttempt(failure);
        }
    }

    /// <summary>The next update; a failure now is final, since the caller already has part of the answer.</summary>
    public async Task<bool> NextAsync()
    {
        try
        {
            return await MoveAsync();
        }
        catch (Exception e) when (LlmRetry.Classify(e, _timeout, _cancellation) is { } failure)
        {
            throw failure.ToException(_settings, _model, _attempts, midStream: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing a stream whose connection already broke can throw again; the first error is the one that matters.
        try { await _updates.DisposeAsync(); }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException) { }
        _timeout.Dispose();
    }

    private async Task<bool> MoveAsync()
    {
        if (!await _updates.MoveNextAsync()) return false;
        _timeout.CancelAfter(_settings.Timeout);
        return true;
    }
}
