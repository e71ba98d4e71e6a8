using HwForge.Tools.Foundation;

namespace HwForge.Agents.Llm;

/// <summary>
/// The sentence a user reads for each kind of failure: what went wrong, where, and what to do.
/// Server text is included (it is often the most useful part) but any copy of the key is blanked out.
/// </summary>
internal static class LlmFailureMessages
{
    private const string HowToConfigure = "point HwForge at a running OpenAI-compatible server: " + LlmSetupAdvice.Where;

    public static LlmException ToException(this LlmFailure failure, LlmSettings settings, string model, int attempts, bool midStream)
    {
        var endpoint = settings.DisplayEndpoint;
        var detail = Redact(failure.Detail, settings.ApiKey);
        var after = attempts == 1 ? "" : $" after {attempts} attempts";
        var cause = Redact(failure.Cause, settings.ApiKey);
        return failure.Kind switch
        {
            FailureKind.Unreachable => new LlmUnavailableException(
                $"Cannot reach the LLM endpoint {endpoint} ({detail}). Start the server there, or {HowToConfigure}.", cause)
                { Attempts = attempts },
            FailureKind.Timeout => new LlmTimeoutException(
                (midStream
                    ? $"The LLM endpoint {endpoint} went quiet for more than {Seconds(settings.Timeout)} in the middle of an answer from model '{model}'."
                    : $"The LLM endpoint {endpoint} did not answer within {Seconds(settings.Timeout)}{after} (model '{model}').") +
                " A slow local model may need a longer llm.timeoutSeconds in $HWFORGE_HOME/config.json.", cause)
                { Attempts = attempts, StatusCode = failure.Status },
            FailureKind.RateLimited => new LlmUnavailableException(
                $"The LLM endpoint {endpoint} is still rate-limiting requests{after} ({detail}). Wait a little, use fewer parallel agents, or raise the account's limits.", cause)
                { Attempts = attempts, StatusCode = failure.Status },
            FailureKind.ServerError => new LlmUnavailableException(
                $"The LLM endpoint {endpoint} kept failing{after} ({detail}). Check the server's log; it may be overloaded or still loading model '{model}'.", cause)
                { Attempts = attempts, StatusCode = failure.Status },
            FailureKind.ConnectionLost => new LlmUnavailableException(
                $"The connection to the LLM endpoint {endpoint} was lost {(midStream ? "in the middle of an answer" : "before an answer arrived")}{after} ({detail}).", cause)
                { Attempts = attempts },
            FailureKind.Malformed => new LlmRequestException(
                $"The LLM endpoint {endpoint} answered with something that is not an OpenAI chat completion{after} ({detail}). " +
                "Check that the URL is the API's base URL (usually ending in /v1).", null, cause),
            FailureKind.Authentication => new LlmAuthenticationException(
                settings.KeyForEndpoint is null
                    ? settings.KeyWithheld is { } withheld
                        ? $"The LLM endpoint {endpoint} requires an API key ({detail}). {withheld}"
                        : $"The LLM endpoint {endpoint} requires an API key ({detail}) and none is set: set {LlmSettings.ApiKeyVariable} or \"apiKey\" under \"llm\" in $HWFORGE_HOME/config.json."
                    : $"The LLM endpoint {endpoint} rejected the API key ({detail}). Check {LlmSettings.ApiKeyVariable} or \"apiKey\" under \"llm\" in $HWFORGE_HOME/config.json.", cause),
            FailureKind.ModelNotFound => new LlmModelNotFoundException(
                $"The LLM endpoint {endpoint} does not serve the model '{model}' ({detail}). Name one it serves (listed at {endpoint.TrimEnd('/')}/models) " +
                $"with {LlmSettings.ModelVariable} or \"model\" under \"llm\" in $HWFORGE_HOME/config.json; if the model is right, check that the URL is the API's base URL (usually ending in /v1).", model, cause),
            _ => new LlmRequestException(
                $"The LLM endpoint {endpoint} refused the request to model '{model}' ({detail}).", failure.Status, cause),
        };
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";

    private static string Redact(string text, string? key) =>
        string.IsNullOrEmpty(key) || key.Length < 4 ? text : text.Replace(key, "[redacted]", StringComparison.Ordinal);

    // An inner exception whose text carries the key (a server echoing it back) is dropped, not passed on.
    private static Exception? Redact(Exception cause, string? key)
    {
        if (string.IsNullOrEmpty(key)) return cause;
        for (Exception? e = cause; e is not null; e = e.InnerException)
            if (e.Message.Contains(key, StringComparison.Ordinal)) return null;
        return cause;
    }
}
