using Grpc.Core;
using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace HwForge.KnowledgeBase.Storage.Qdrant;

/// <summary>
/// The team store: one Qdrant collection, a chunk per point (its id from the chunk's content hash, so the
/// same chunk is never stored twice), BM25 keywords as a sparse vector and, with an embedder, a dense
/// vector; searches fuse the two with Qdrant's reciprocal rank fusion and filter by kind on the server.
/// </summary>
public sealed partial class QdrantKnowledgeStore : IKnowledgeStore
{
    private const string Keywords = "keywords";
    private const string Dense = "dense";
    private const int FusionDepth = 50;
    private const int UpsertBatch = 64;

    // An unreachable server must fail an open within seconds, not after gRPC's own reconnect back-off.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly QdrantClient _client;
    private readonly ITextEmbedder? _embedder;

    private QdrantKnowledgeStore(QdrantClient client, string location, string collection, ITextEmbedder? embedder)
    {
        _client = client;
        Location = location;
        Collection = collection;
        _embedder = embedder;
    }

    /// <summary>The server and collection, as <c>hwforge kb stats</c> shows it (never the API key).</summary>
    public string Location { get; }

    public string Collection { get; }

    /// <summary>
    /// Connects to the chosen server, creates the collection when missing, and brings the shipped corpus
    /// up to date; a server that does not answer within seconds is a <see cref="KnowledgeStoreException"/>.
    /// </summary>
    public static async Task<QdrantKnowledgeStore> OpenAsync(KnowledgeStoreChoice choice, string? apiKey, ShippedCorpus? corpus = null,
        ITextEmbedder? embedder = null, CancellationToken cancellation = default)
    {
        var url = choice.Qdrant ?? throw new ArgumentException("the choice names no Qdrant server", nameof(choice));
        var port = url.IsDefaultPort || url.Port < 0 ? 6334 : url.Port;
        var location = $"{url.Scheme}://{url.Host}:{port}/{choice.Collection}";
        var client = new QdrantClient(url.Host, port, https: url.Scheme == "qdrants", apiKey: apiKey);
        var store = new QdrantKnowledgeStore(client, location, choice.Collection, embedder);
        try
        {
            await store.ProbeAsync(cancellation);
            await store.Guard(() => store.EnsureCollectionAsync(cancellation));
            if (corpus is not null) await store.Guard(() => store.SyncCorpusAsync(corpus, cancellation));
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async Task<AddResult> AddAsync(IEnumerable<KnowledgeChunk> chunks, CancellationToken cancellation = default) =>
        await Guard(() => UpsertNewAsync(chunks.ToList(), "added", cancellation));

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(string query, int top, IReadOnlyCollection<KnowledgeKind>? kinds = null, CancellationToken cancellation = default)
    {
        if (top < 1) throw new ArgumentException("the number of results must be at least 1");
        var keywords = KeywordVector.ForQuery(query);
        var wanted = await EmbedQueryAsync(query, cancellation);
        if (keywords.Indices.Length == 0 && wanted is null) return [];
        var filter = kinds is { Count: > 0 } ? new Filter { Must = { Match("kind", kinds.Select(k => k.Name()).ToList()) } } : null;
        var points = await Guard(() =>
        {
            if (wanted is null)
                return _client.QueryAsync(Collection, query: keywords, usingVector: Keywords, filter: filter, limit: (ulong)top, payloadSelector: true, cancellationToken: cancellation);
            var prefetch = new List<PrefetchQuery> { new() { Query = wanted, Using = Dense, Filter = filter, Limit = (ulong)Math.Max(top, FusionDepth) } };
            if (keywords.Indices.Length > 0)
                prefetch.Add(new() { Query = keywords, Using = Keywords, Filter = filter, Limit = (ulong)Math.Max(top, FusionDepth) });
            return _client.QueryAsync(Collection, query: Fusion.Rrf, prefetch: prefetch, limit: (ulong)top, payloadSelector: true, cancellationToken: cancellation);
        });
        return points.Select(p => ToHit(p.Payload, p.Score)).ToList();
    }

    public async Task<KnowledgeStats> GetStatsAsync(CancellationToken cancellation = default) => await Guard(async () =>
    {
        var chunks = new Filter { Must = { Match("kind", KnowledgeKinds.All.Select(k => k.Name()).ToList()) } };
        var byKind = new SortedDictionary<string, int>();
        foreach (var hit in (await _client.FacetAsync(Collection, "kind", chunks, limit: 100, exact: true, cancellationToken: cancellation)).Hits)
            byKind[hit.Value.StringValue] = (int)hit.Count;
        var sources = await _client.FacetAsync(Collection, "source", chunks, limit: 100_000, exact: true, cancellationToken: cancellation);
        var withVectors = _embedder is null ? 0
            : (int)await _client.CountAsync(Collection, new Filter { Must = { HasVector(Dense) } }, exact: true, cancellationToken: cancellation);
        var meta = await ReadMetaAsync(cancellation);
        return new KnowledgeStats(Location, byKind.Values.Sum(), byKind, sources.Hits.Count, 0, withVectors, _embedder?.Model,
            meta.GetValueOrDefault("corpus_hash"), "qdrant");
    });

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ProbeAsync(CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(ProbeTimeout);
        try { await _client.HealthAsync(deadline.Token); }
        catch (Exception e) when (e is RpcException or OperationCanceledException or HttpRequestException && !cancellation.IsCancellationRequested)
        {
            throw KnowledgeStoreException.Unreachable(Location, e);
        }
    }

    private async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try { return await work(); }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new KnowledgeStoreException($"the Qdrant store {Location} failed: {e.Status.Detail} ({e.StatusCode})", e);
        }
        catch (QdrantException e) // the server answered but refused (a collection it could not create, say)
        {
            throw new KnowledgeStoreException($"the Qdrant store {Location} failed: {e.Message}", e);
        }
    }

    private Task Guard(Func<Task> work) => Guard(async () => { await work(); return 0; });
}
