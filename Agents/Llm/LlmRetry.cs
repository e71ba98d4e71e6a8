namespace HwForge.Agents.Llm;

/// <summary>
/// Retries an LLM request on 429, 5xx, timeouts, dropped connections and garbled answers, with
/// exponential backoff plus jitter (or the server's Retry-After, capped). 400/401/404 and an endpoint
/// that is not there at all fail at once. The caller's cancellation always wins, promptly.
/// </summary>
internal sealed class LlmRetry(LlmSettings settings)
{
    public async Task<T> RunAsync<T>(string model, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellation)
    {
        for (var n = 1; ; n++)
        {
            LlmFailure failure;
            using (var timeout = StartAttempt(cancellation))
            {
                try
                {
                    return await attempt(timeout.Token);
                }
                catch (Exception e) when (Classify(e, timeout, cancellation) is { } classified)
                {
                    failure = classified;
                }
            }
            await WaitOrThrowAsync(failure, model, n, midStream: false, cancellation);
        }
    }

    /// <summary>A token that cancels when the caller cancels or this attempt runs past the timeout.</summary>
    public CancellationTokenSource StartAttempt(CancellationToken cancellation)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(settings.Timeout);
        return timeout;
    }

    /// <summary>
    /// The failure behind an exception, or null to let it through. Once the caller has cancelled, any
    /// exception (some surface as I/O errors) becomes the caller's cancellation.
    /// </summary>
    public static LlmFailure? Classify(Exception e, CancellationTokenSource attempt, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            if (e is OperationCanceledException) return null;
            throw new OperationCanceledException("The LLM request was cancelled.", e, cancellation);
        }
        return LlmFailure.From(e, attempt.IsCancellationRequested);
    }

    /// <summary>Waits before the next attempt, or throws the user-facing exception when there should be none.</summary>
    public async Task WaitOrThrowAsync(LlmFailure failure, string model, int attempt, bool midStream, CancellationToken cancellation)
    {
        // Once part of a stream has reached the caller, a retry would repeat it: fail instead.
        if (midStream || !failure.IsRetryable || attempt > settings.MaxRetries)
            throw failure.ToException(settings, model, attempt, midStream);
        await Task.Delay(Delay(failure, attempt), cancellation);
    }

    public TimeSpan Delay(LlmFailure failure, int attempt)
    {
        var backoff = settings.RetryBaseDelay * Math.Pow(2, attempt - 1) * (1 + Random.Shared.NextDouble() / 2);
        var wait = failure.RetryAfter ?? backoff;
        return wait < settings.MaxRetryDelay ? wait : settings.MaxRetryDelay;
    }
}
