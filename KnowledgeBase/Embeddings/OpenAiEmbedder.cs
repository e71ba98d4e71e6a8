using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using HwForge.KnowledgeBase.Storage;

namespace HwForge.KnowledgeBase.Embeddings;

/// <summary>
/// Any OpenAI-compatible embeddings endpoint (OpenAI, vLLM, Ollama, llama.cpp server): POST
/// {endpoint}/embeddings with a model and a list of inputs. A few lines of HTTP instead of an SDK.
/// <paramref name="apiKey"/> must be the key configured for <paramref name="endpoint"/> (see <see cref="EmbeddingsKey"/>);
/// <paramref name="keyWithheld"/> says why none is sent, for the error a refusal gets.
/// </summary>
public sealed class OpenAiEmbedder(HttpClient http, Uri endpoint, string model, string? apiKey, string? keyWithheld = null) : ITextEmbedder
{
    public const string EndpointVariable = "HWFORGE_EMBEDDINGS_ENDPOINT";
    public const string ModelVariable = "HWFORGE_EMBEDDINGS_MODEL";

    public string Model => model;

    /// <summary>The embedder the environment configures, or null when no endpoint is set (see <see cref="EmbedderChoice"/> for what is used then).</summary>
    public static OpenAiEmbedder? FromEnvironment(HttpClient? http = null) => FromEnvironment(Environment.GetEnvironmentVariable, http);

    /// <summary>As <see cref="FromEnvironment(HttpClient?)"/>, reading the variables from <paramref name="environment"/>.</summary>
    public static OpenAiEmbedder? FromEnvironment(Func<string, string?> environment, HttpClient? http = null)
    {
        var endpoint = environment(EndpointVariable);
        if (string.IsNullOrWhiteSpace(endpoint)) return null;
        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri))
            throw new ArgumentException($"{EndpointVariable} is not an absolute URL: '{endpoint}'");
        var model = environment(ModelVariable);
        if (string.IsNullOrWhiteSpace(model))
            throw new ArgumentException($"{EndpointVariable} is set but {ModelVariable} is not: name the embeddings model too");
        var (key, withheld) = EmbeddingsKey.Choose(uri, environment);
        return new OpenAiEmbedder(http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(60) }, uri, model.Trim(), key, withheld);
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellation = default)
    {
        if (texts.Count == 0) return [];
        var url = new Uri(endpoint.ToString().TrimEnd('/') + "/embeddings");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new EmbeddingRequest(model, texts)) };
        if (!string.IsNullOrWhiteSpace(apiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellation);
                var why = keyWithheld is not null && response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden ? $" ({keyWithheld})" : "";
                throw new KnowledgeStoreException($"embeddings endpoint {url} answered {(int)response.StatusCode} {response.ReasonPhrase}{why}: {Shorten(body)}");
            }
            var answer = await response.Content.ReadFromJsonAsync<EmbeddingResponse>(cancellation);
            var vectors = answer?.Data?.OrderBy(d => d.Index).Select(d => d.Embedding).ToList();
            if (vectors is null || vectors.Count != texts.Count || vectors.Any(v => v is null || v.Length == 0))
                throw new KnowledgeStoreException($"embeddings endpoint {url} returned {vectors?.Count ?? 0} vectors for {texts.Count} texts");
            return vectors!;
        }
        catch (HttpRequestException e)
        {
            throw new KnowledgeStoreException($"embeddings endpoint {url} cannot be reached ({e.Message}); unset {EndpointVariable} to embed locally instead", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    private sealed record EmbeddingRequest([property: JsonPropertyName("model")] string Model, [property: JsonPropertyName("input")] IReadOnlyList<string> Input);

    private sealed record EmbeddingResponse([property: JsonPropertyName("data")] List<EmbeddingItem>? Data);

    private sealed record EmbeddingItem([property: JsonPropertyName("index")] int Index, [property: JsonPropertyName("embedding")] float[] Embedding);
}
