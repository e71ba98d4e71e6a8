using System.ClientModel;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;

namespace HwForge.Agents.Llm;

/// <summary>What kind of failure an attempt met; decides whether it is worth another try.</summary>
internal enum FailureKind { Unreachable, Timeout, RateLimited, ServerError, ConnectionLost, Malformed, Authentication, ModelNotFound, BadRequest }

/// <summary>
/// One failed attempt, classified from whatever the OpenAI SDK or the network threw, and turned into
/// the typed, key-free <see cref="LlmException"/> a user reads once retries are spent.
/// </summary>
internal sealed record LlmFailure(FailureKind Kind, int? Status, string Detail, TimeSpan? RetryAfter, Exception Cause)
{
    public bool IsRetryable => Kind is FailureKind.Timeout or FailureKind.RateLimited or FailureKind.ServerError
        or FailureKind.ConnectionLost or FailureKind.Malformed;

    /// <summary>Classifies an exception; null means it is not a provider failure (a bug) and should surface as it is.</summary>
    public static LlmFailure? From(Exception e, bool timedOut)
    {
        // Once the attempt's timer has fired, whatever the read threw (a cancellation, or an I/O error
        // from the aborted connection) is the timeout's doing.
        if (timedOut) return new(FailureKind.Timeout, null, "no answer in time", null, e);
        return e switch
        {
            ClientResultException { Status: > 0 } http => FromStatus(http),
            ClientResultException or HttpRequestException when Find<HttpRequestException>(e) is { } request => FromNetwork(request, e),
            ClientResultException => new(FailureKind.ConnectionLost, null, e.Message, null, e),
            // The SDK's own network timeout surfaces as a cancellation caused by a TimeoutException.
            OperationCanceledException when Find<TimeoutException>(e) is not null => new(FailureKind.Timeout, null, "no answer in time", null, e),
            IOException => new(FailureKind.ConnectionLost, null, e.Message, null, e),
            JsonException => new(FailureKind.Malformed, null, e.Message, null, e),
            _ => null,
        };
    }

    private static LlmFailure FromNetwork(HttpRequestException request, Exception e) => request.HttpRequestError switch
    {
        // Nothing listens there or the name does not resolve: retrying within seconds will not change that.
        HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError =>
            new(FailureKind.Unreachable, null, Innermost(request).Message, null, e),
        _ => new(FailureKind.ConnectionLost, null, Innermost(request).Message, null, e),
    };

    private static LlmFailure FromStatus(ClientResultException http)
    {
        var response = http.GetRawResponse();
        var (message, code) = ErrorBody(response?.Content?.ToString());
        var detail = $"HTTP {http.Status}{(message is null ? "" : $": {message}")}";
        var kind = http.Status switch
        {
            401 or 403 => FailureKind.Authentication,
            _ when code is "model_not_found" => FailureKind.ModelNotFound,
            404 => FailureKind.ModelNotFound,
            408 => FailureKind.Timeout,
            429 => FailureKind.RateLimited,
            >= 500 => FailureKind.ServerError,
            _ => FailureKind.BadRequest,
        };
        return new(kind, http.Status, detail, RetryAfterOf(response), http);
    }

    /// <summary>The error's message and code from an OpenAI-style error body, or a clipped raw body.</summary>
    private static (string? Message, string? Code) ErrorBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String) return (error.GetString(), null);
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                return (message, code);
            }
        }
        catch (JsonException) { }
        var text = body.Trim();
        return (text.Length <= 200 ? text : text[..200] + "…", null);
    }

    private static TimeSpan? RetryAfterOf(System.ClientModel.Primitives.PipelineResponse? response)
    {
        if (response is null) return null;
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(millis);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
            if (current is T found) return found;
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}
