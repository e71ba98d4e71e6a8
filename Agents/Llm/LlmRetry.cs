using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace HwForge.Agents.Llm;

/// <summary>
/// Retries an LLM request on 429, 5xx, timeouts, dropped connections and garbled answers. Polly runs the attempts
/// and the waits between them; what is HwForge's own is which failures are worth another try (<see cref="LlmFailure"/>),
/// the wait (exponential backoff plus jitter, or the server's Retry-After, capped) and the words once they are spent.
/// 400/401/404 and an endpoint that is not there at all fail at once. The caller's cancellation always wins, promptly.
/// </summary>
internal sealed class LlmRetry
{
    private readonly LlmSettings _settings;
    private readonly ResiliencePipeline _pipeline;

    public LlmRetry(LlmSettings settings)
    {
        _settings = settings;
        _pipeline = settings.MaxRetries <= 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = settings.MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is FailedAttempt { Failure.IsRetryable: true }),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(((FailedAttempt)args.Outcome.Exception!).Failure, args.AttemptNumber + 1)),
        }).Build();
    }

    /// <summary>The whole request, tried again while it fails in a way worth retrying.</summary>
    public async Task<T> RunAsync<T>(string model, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellation)
    {
        var tries = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                tries++;
                using var timeout = StartAttempt(token);
                try
                {
                    return await attempt(timeout.Token);
                }
                catch (Exception e) when (Classify(e, timeout, cancellation) is { } failure)
                {
                    throw new FailedAttempt(failure);
                }
            }, cancellation);
        }
        catch (FailedAttempt failed)
        {
            throw failed.Failure.ToException(_settings, model, tries, midStream: false);
        }
    }

    /// <summary>
    /// A stream, tried again only until its first update arrives: after that a retry would repeat what the caller
    /// already has. Null when the stream ended without any update.
    /// </summary>
    public async Task<LlmStream?> OpenStreamAsync(string model, Func<CancellationToken, IAsyncEnumerable<ChatResponseUpdate>> open, CancellationToken cancellation)
    {
        var tries = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                tries++;
                var stream = new LlmStream(open, StartAttempt(token), _settings, model, cancellation);
                var handedOver = false;
                try
                {
                    var first = await stream.FirstAsync(tries);
                    handedOver = first;
                    return first ? stream : null;
                }
                finally
                {
                    if (!handedOver) await stream.DisposeAsync();
                }
            }, cancellation);
        }
        catch (FailedAttempt failed)
        {
            throw failed.Failure.ToException(_settings, model, tries, midStream: false);
        }
    }

    /// <summary>A token that cancels when the caller cancels or this attempt runs past the timeout.</summary>
    private CancellationTokenSource StartAttempt(CancellationToken cancellation)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_settings.Timeout);
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

    private TimeSpan Delay(LlmFailure failure, int attempt)
    {
        var backoff = _settings.RetryBaseDelay * Math.Pow(2, attempt - 1) * (1 + Random.Shared.NextDouble() / 2);
        var wait = failure.RetryAfter ?? backoff;
        return wait < _settings.MaxRetryDelay ? wait : _settings.MaxRetryDelay;
    }

    /// <summary>Carries a classified failure through Polly, which decides from it whether to try again.</summary>
    internal sealed class FailedAttempt(LlmFailure failure) : Exception(failure.Detail, failure.Cause)
    {
        public LlmFailure Failure { get; } = failure;
    }
}
