using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.Collections;
using HwForge.KnowledgeBase.Corpus;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace HwForge.KnowledgeBase.Storage.Qdrant;

// How chunks become points and back, and the collection's own bookkeeping (corpus hash, embedding model).
public sealed partial class QdrantKnowledgeStore
{
    // The bookkeeping point: it has no vectors, so no search can return it, and no kind, so no count includes it.
    private static readonly Guid MetaId = new("00000000-0000-0000-0000-00000000feed");

    private const int EmbeddedChars = 6000;

    private async Task EnsureCollectionAsync(CancellationToken cancellation)
    {
        if (!await _client.CollectionExistsAsync(Collection, cancellation))
        {
            // Without an embedder the collection has keyword vectors only (no dense map at all, as Qdrant expects).
            VectorParamsMap? dense = null;
            if (_embedder is not null)
            {
                var size = (await _embedder.EmbedAsync(["dimension probe"], cancellation))[0].Length;
                dense = new VectorParamsMap { Map = { [Dense] = new VectorParams { Size = (ulong)size, Distance = Distance.Cosine } } };
            }
            await _client.CreateCollectionAsync(Collection, dense, sparseVectorsConfig: (Keywords, new SparseVectorParams { Modifier = Modifier.Idf }), cancellationToken: cancellation);
            foreach (var field in new[] { "kind", "origin", "source" })
                await _client.CreatePayloadIndexAsync(Collection, field, PayloadSchemaType.Keyword, cancellationToken: cancellation);
            if (_embedder is not null) await WriteMetaAsync("embedding_model", _embedder.Model, cancellation);
            return;
        }
        if (_embedder is null) return;
        // Vectors of two models cannot be compared; a collection keeps the model it was made with.
        var model = (await ReadMetaAsync(cancellation)).GetValueOrDefault("embedding_model");
        if (model != _embedder.Model)
            throw KnowledgeStoreException.OtherModel(Location, model, _embedder.Model);
    }

    private async Task SyncCorpusAsync(ShippedCorpus corpus, CancellationToken cancellation)
    {
        if ((await ReadMetaAsync(cancellation)).GetValueOrDefault("corpus_hash") == corpus.Hash) return;
        await _client.DeleteAsync(Collection, new Filter { Must = { MatchKeyword("origin", "corpus") } }, cancellationToken: cancellation);
        await UpsertNewAsync(corpus.Chunks, "corpus", cancellation);
        await WriteMetaAsync("corpus_hash", corpus.Hash, cancellation);
    }

    private async Task<AddResult> UpsertNewAsync(IReadOnlyList<KnowledgeChunk> chunks, string origin, CancellationToken cancellation)
    {
        var result = AddResult.None;
        foreach (var batch in chunks.DistinctBy(PointId).Chunk(UpsertBatch))
        {
            var existing = (await _client.RetrieveAsync(Collection, batch.Select(c => (PointId)PointId(c)).ToList(), withPayload: false, cancellationToken: cancellation))
                .Select(p => Guid.Parse(p.Id.Uuid)).ToHashSet();
            var fresh = batch.Where(c => !existing.Contains(PointId(c))).ToList();
            if (fresh.Count > 0) await _client.UpsertAsync(Collection, await ToPointsAsync(fresh, origin, cancellation), cancellationToken: cancellation);
            result = result.Plus(new AddResult(fresh.Count, batch.Length - fresh.Count));
        }
        return result.Plus(new AddResult(0, chunks.Count - chunks.DistinctBy(PointId).Count()));
    }

    private async Task<List<PointStruct>> ToPointsAsync(IReadOnlyList<KnowledgeChunk> chunks, string origin, CancellationToken cancellation)
    {
        var dense = await EmbedChunksAsync(chunks, cancellation);
        return chunks.Select((chunk, i) =>
        {
            var point = new PointStruct { Id = PointId(chunk), Vectors = new Dictionary<string, Vector> { [Keywords] = KeywordVector.ForChunk(chunk.Title, chunk.Text) } };
            if (dense is not null) point.Vectors.Vectors_.Vectors.Add(Dense, dense[i]);
            point.Payload["kind"] = chunk.Kind.Name();
            point.Payload["origin"] = origin;
            point.Payload["title"] = chunk.Title;
            point.Payload["text"] = chunk.Text;
            point.Payload["source"] = chunk.Source.ToString();
            if (chunk.Source.Path is { } path) point.Payload["path"] = path;
            if (chunk.Source.RunId is { } run) point.Payload["run_id"] = run;
            if (chunk.Source.CandidateId is { } candidate) point.Payload["candidate_id"] = candidate;
            return point;
        }).ToList();
    }

    /// <summary>
    /// The chunks' vectors, or null without an embedder or when it fails: an endpoint that is down must not keep
    /// knowledge out of the store, and keywords find every chunk (stats count the chunks that have a vector).
    /// </summary>
    private async Task<IReadOnlyList<float[]>?> EmbedChunksAsync(IReadOnlyList<KnowledgeChunk> chunks, CancellationToken cancellation)
    {
        if (_embedder is null) return null;
        try { return await _embedder.EmbedAsync(chunks.Select(c => Truncate(c.Title + "\n" + c.Text)).ToList(), cancellation); }
        catch (KnowledgeStoreException) when (!cancellation.IsCancellationRequested) { return null; }
    }

    /// <summary>The query's vector, or null without an embedder or when it fails: keywords alone still find every chunk.</summary>
    private async Task<float[]?> EmbedQueryAsync(string query, CancellationToken cancellation)
    {
        if (_embedder is null) return null;
        try { return (await _embedder.EmbedAsync([query], cancellation))[0]; }
        catch (KnowledgeStoreException) when (!cancellation.IsCancellationRequested) { return null; }
    }

    private static KnowledgeHit ToHit(MapField<string, Value> payload, float score)
    {
        string? Text(string key) => payload.TryGetValue(key, out var value) && value.HasStringValue ? value.StringValue : null;
        var source = new KnowledgeSource(Text("path"), Text("run_id"), Text("candidate_id"));
        return new KnowledgeHit(Text("title") ?? "", Text("text") ?? "", source, KnowledgeKinds.Parse(Text("kind") ?? "doc"), Math.Round(score, 6));
    }

    private async Task<Dictionary<string, string>> ReadMetaAsync(CancellationToken cancellation)
    {
        var points = await _client.RetrieveAsync(Collection, MetaId, withPayload: true, cancellationToken: cancellation);
        return points.Count == 0 ? [] : points[0].Payload.Where(p => p.Value.HasStringValue).ToDictionary(p => p.Key, p => p.Value.StringValue);
    }

    private async Task WriteMetaAsync(string key, string value, CancellationToken cancellation)
    {
        var meta = await ReadMetaAsync(cancellation);
        meta[key] = value;
        var point = new PointStruct { Id = MetaId, Vectors = new Dictionary<string, Vector>() };
        foreach (var (name, text) in meta) point.Payload[name] = text;
        await _client.UpsertAsync(Collection, [point], cancellationToken: cancellation);
    }

    /// <summary>The chunk's content hash as a UUID: the same chunk from any client lands on the same point.</summary>
    private static Guid PointId(KnowledgeChunk chunk) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(SqliteKnowledgeStore.ContentHash(chunk))).AsSpan(0, 16));

    private static string Truncate(string text) => text.Length <= EmbeddedChars ? text : text[..EmbeddedChars];
}
