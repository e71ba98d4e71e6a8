using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Embeddings;
using HwForge.KnowledgeBase.Storage;
using HwForge.Tools.Foundation;

namespace HwForge.Benchmarks;

/// <summary>
/// Recall@5 on the shipped corpus for BM25 alone, local MiniLM vectors alone, and the two fused (the default since
/// issue 17). Two labelled sets: questions written in a user's words (Data/kb-recall.json, many paraphrased so
/// they share few words with the chunk that answers them) and the pasted tool messages of the knowledge-base tests.
/// </summary>
public static class KbRecall
{
    private const int K = 5;

    public static async Task<string> RunAsync(HwForgeHome home, string root)
    {
        var sets = new[]
        {
            ("questions in a user's words (kb-recall.json)", Load(Path.Combine(root, "tests", "HwForge.Benchmarks", "Data", "kb-recall.json"), multiple: true)),
            ("pasted tool messages and questions (queries.json)", Load(Path.Combine(root, "tests", "HwForge.KnowledgeBase.Tests", "Data", "queries.json"), multiple: false)),
        };
        var titles = ShippedCorpus.Default.Chunks.Select(c => c.Title).ToHashSet();
        foreach (var (name, queries) in sets)
            foreach (var q in queries)
                if (!q.Expected.Any(e => titles.Any(t => Matches(t, e))))
                    throw new InvalidOperationException($"{name}: no corpus chunk is titled '{string.Join("' or '", q.Expected)}'");

        var path = Path.Combine(home.Data, "recall.db");
        var embedder = new LocalEmbedder();
        var report = new StringBuilder();
        var watch = Stopwatch.StartNew();
        await using (var hybrid = await SqliteKnowledgeStore.OpenAsync(path, ShippedCorpus.Default, embedder))
        {
            report.AppendLine($"{ShippedCorpus.Default.Chunks.Count} corpus chunks embedded with {embedder.Model} on first open (model load included): {watch.Elapsed.TotalSeconds:0.0} s");
            watch.Restart();
            await embedder.EmbedAsync(["a warm query about a pipelined multiplier"]);
            report.AppendLine($"one query embedded, model loaded: {watch.Elapsed.TotalMilliseconds:0.0} ms");
            report.AppendLine();
            report.AppendLine("recall@5 (recall@1, mean reciprocal rank of the first right chunk in the top 5)");
            report.AppendLine();
            report.AppendLine("| query set | queries | BM25 only (before) | vectors only | hybrid, BM25 + local vectors (after) |");
            report.AppendLine("|---|---|---|---|---|");
            await using var lexical = await SqliteKnowledgeStore.OpenAsync(path, ShippedCorpus.Default);
            var misses = new StringBuilder();
            foreach (var (name, queries) in sets)
            {
                var bm25 = await Recall(lexical, queries, misses, $"{name}, BM25");
                hybrid.UseKeywords = false;
                var vectors = await Recall(hybrid, queries, misses, $"{name}, vectors");
                hybrid.UseKeywords = true;
                var fused = await Recall(hybrid, queries, misses, $"{name}, hybrid");
                report.AppendLine($"| {name} | {queries.Count} | {bm25} | {vectors} | {fused} |");
            }
            report.AppendLine();
            report.Append(misses);
        }
        return report.ToString();
    }

    private static async Task<string> Recall(SqliteKnowledgeStore store, IReadOnlyList<(string Query, string[] Expected)> queries, StringBuilder misses, string label)
    {
        int found = 0, first = 0;
        var reciprocal = 0.0;
        foreach (var (query, expected) in queries)
        {
            var hits = await store.SearchAsync(query, K);
            var rank = hits.ToList().FindIndex(h => expected.Any(e => Matches(h.Title, e)));
            if (rank < 0) { misses.AppendLine($"miss ({label}): {query}"); continue; }
            found++;
            if (rank == 0) first++;
            reciprocal += 1.0 / (rank + 1);
        }
        return $"{(double)found / queries.Count:0.000} ({(double)first / queries.Count:0.000}, {reciprocal / queries.Count:0.000})";
    }

    // A long section is stored as "(part N)" chunks; any part of the expected section answers.
    private static bool Matches(string title, string expected) => title == expected || title.StartsWith(expected + " (part", StringComparison.Ordinal);

    private static List<(string Query, string[] Expected)> Load(string file, bool multiple) =>
        JsonSerializer.Deserialize<List<JsonElement>>(File.ReadAllText(file))!
            .Select(q => (q.GetProperty("query").GetString()!, multiple
                ? q.GetProperty("expected").EnumerateArray().Select(e => e.GetString()!).ToArray()
                : [q.GetProperty("expected").GetString()!]))
            .ToList();
}
