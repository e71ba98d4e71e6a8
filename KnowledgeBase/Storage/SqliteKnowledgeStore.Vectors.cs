using HwForge.KnowledgeBase.Embeddings;

namespace HwForge.KnowledgeBase.Storage;

// The vector half of hybrid ranking: vectors are stored beside the chunks and compared by brute
// force, which is fast enough for a corpus plus run memory (thousands of chunks); a store of
// millions belongs in a vector database behind IKnowledgeStore.
public sealed partial class SqliteKnowledgeStore
{
    private const int EmbeddingBatch = 32;

    // Long chunks are cut before embedding: the head of a chunk says what it is about, and
    // endpoints limit input length.
    private const int EmbeddedChars = 6000;

    private async Task EmbedMissingAsync(CancellationToken cancellation)
    {
        await _turn.WaitAsync(cancellation);
        try { await EmbedMissingCoreAsync(cancellation); }
        finally { _turn.Release(); }
    }

    /// <summary>Gives every chunk without a vector one; vectors of another model are dropped first.</summary>
    private async Task EmbedMissingCoreAsync(CancellationToken cancellation)
    {
        var embedder = _embedder!;
        Guard(() =>
        {
            if (KnowledgeDatabase.ReadMeta(_connection, "embedding_model") == embedder.Model) return;
            using var transaction = _connection.BeginTransaction();
            KnowledgeDatabase.Execute(_connection, "UPDATE chunks SET vector = NULL", transaction);
            KnowledgeDatabase.WriteMeta(_connection, "embedding_model", embedder.Model, transaction);
            transaction.Commit();
        });
        while (true)
        {
            var batch = Guard(() => ReadRows($"SELECT id, title, body FROM chunks WHERE vector IS NULL ORDER BY id LIMIT {EmbeddingBatch}",
                reader => (Id: reader.GetInt64(0), Text: EmbeddingText(reader.GetString(1), reader.GetString(2)))));
            if (batch.Count == 0) return;
            var vectors = await embedder.EmbedAsync(batch.Select(b => b.Text).ToList(), cancellation);
            Guard(() =>
            {
                using var transaction = _connection.BeginTransaction();
                for (var i = 0; i < batch.Count; i++)
                    KnowledgeDatabase.Execute(_connection, "UPDATE chunks SET vector = $vector WHERE id = $id", transaction,
                        ("$vector", Vectors.ToBlob(vectors[i])), ("$id", batch[i].Id));
                transaction.Commit();
            });
        }
    }

    /// <summary>
    /// Chunk ids by cosine similarity to the query. An endpoint that fails at search time leaves
    /// ranking to BM25 alone rather than failing the agent that asked.
    /// </summary>
    private async Task<IReadOnlyList<long>> RankByVectorsAsync(string query, int depth, IReadOnlyCollection<KnowledgeKind>? kinds, CancellationToken cancellation)
    {
        float[] wanted;
        try { wanted = (await _embedder!.EmbedAsync([query], cancellation))[0]; }
        catch (KnowledgeStoreException) { return []; }

        var kindNames = kinds is { Count: > 0 } ? kinds.Select(k => k.Name()).ToHashSet() : null;
        var floor = _embedder.MinimumSimilarity;
        var scored = Guard(() => ReadRows("SELECT id, kind, vector FROM chunks WHERE vector IS NOT NULL",
            reader => (Id: reader.GetInt64(0), Kind: reader.GetString(1), Similarity: Vectors.Cosine(wanted, Vectors.FromBlob((byte[])reader[2])))));
        return scored.Where(s => (kindNames is null || kindNames.Contains(s.Kind)) && s.Similarity >= floor)
            .OrderByDescending(s => s.Similarity).Take(depth).Select(s => s.Id).ToList();
    }

    private List<T> ReadRows<T>(string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read)
    {
        using var command = KnowledgeDatabase.Command(_connection, sql, null);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    private static string EmbeddingText(string title, string body)
    {
        var text = title + "\n" + body;
        return text.Length <= EmbeddedChars ? text : text[..EmbeddedChars];
    }
}
