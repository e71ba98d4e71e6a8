using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HwForge.KnowledgeBase;
using HwForge.KnowledgeBase.Corpus;
using HwForge.KnowledgeBase.Storage;
using HwForge.Tools.Foundation;

namespace HwForge.Benchmarks;

/// <summary>
/// Knowledge base search latency (p50, p95) at 10k and 100k chunks, and index build throughput.
/// The chunks are synthetic but shaped like the corpus: words drawn with a Zipf distribution whose
/// head is the corpus's own vocabulary, so the labelled queries (real questions and tool messages)
/// hit common and rare terms as they would in a large real store.
/// </summary>
public static partial class KbSearch
{
    private const int WordsPerChunk = 120;
    private const int SyntheticVocabulary = 40_000;
    private const int BatchSize = 1000;

    public static async Task<string> RunAsync(HwForgeHome home, string root, int rounds)
    {
        var queries = JsonSerializer.Deserialize<List<JsonElement>>(File.ReadAllText(Path.Combine(root, "tests", "HwForge.KnowledgeBase.Tests", "Data", "queries.json")))!
            .Select(q => (Query: q.GetProperty("query").GetString()!, Expected: q.GetProperty("expected").GetString()!)).ToList();
        var vocabulary = Vocabulary();
        var report = new StringBuilder();
        report.AppendLine($"{queries.Count} labelled queries x {rounds} rounds after one warm-up round; top 5; BM25 (no embeddings)");
        report.AppendLine();
        report.AppendLine("| chunks | candidates | build (chunks/s) | build (MB/s of text) | database size | search p50 | search p95 | CPU p50 | CPU p95 | recall@5 | first round CPU max |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");

        var kept = new List<string>();
        var corpusWatch = Stopwatch.StartNew();
        await using (var corpusStore = await SqliteKnowledgeStore.OpenAsync(Path.Combine(home.Data, "corpus.db"), ShippedCorpus.Default))
        {
            var opened = corpusWatch.Elapsed.TotalMilliseconds;
            var corpusSample = await SearchAll(corpusStore, queries, rounds);
            report.AppendLine($"| {ShippedCorpus.Default.Chunks.Count} (shipped corpus) | every word chooses | first open indexes it in {opened:0} ms | | | {Latencies(corpusSample)} |");
        }

        foreach (var size in new[] { 10_000, 100_000 })
        {
            var path = Path.Combine(home.Data, $"kb-{size}.db");
            await using var store = await SqliteKnowledgeStore.OpenAsync(path, ShippedCorpus.Default);
            var random = new Random(size);
            long textBytes = 0;
            var build = Stopwatch.StartNew();
            for (var start = 0; start < size; start += BatchSize)
            {
                var batch = Enumerable.Range(start, Math.Min(BatchSize, size - start)).Select(i => SyntheticChunk(i, vocabulary, random)).ToList();
                textBytes += batch.Sum(c => Encoding.UTF8.GetByteCount(c.Text) + c.Title.Length);
                await store.AddAsync(batch);
            }
            var seconds = build.Elapsed.TotalSeconds;
            var megabytes = new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
            var built = $"{size / seconds:N0} | {textBytes / 1024.0 / 1024.0 / seconds:0.0} | {megabytes:0} MiB";
            // Past CommonTermFilter's threshold a store ranks by its words' heads (TermHeads); the other
            // rows show the FTS5 rankings it replaced: candidates from the rarer words, and every word.
            var modes = size >= store.CommonTerms.MinChunks
                ? new[] { ("word heads", store.CommonTerms.MinChunks, true), ("rarer words choose", store.CommonTerms.MinChunks, false), ("every word chooses", long.MaxValue, false) }
                : [("every word chooses", store.CommonTerms.MinChunks, true)];
            foreach (var (words, threshold, heads) in modes)
            {
                store.CommonTerms.MinChunks = threshold;
                store.UseTermHeads = heads;
                var sample = await SearchAll(store, queries, rounds);
                report.AppendLine($"| {size:N0} | {words} | {built} | {Latencies(sample)} |");
                built = " | | ";
                if (!heads || size < store.CommonTerms.MinChunks) continue;
                // Another process (a `kb search`) finds the heads the first one kept in the file.
                await using var reopened = await SqliteKnowledgeStore.OpenAsync(path, ShippedCorpus.Default);
                report.AppendLine($"| {size:N0} | word heads, store reopened | | | | {Latencies(await SearchAll(reopened, queries, rounds))} |");
                using (var connection = KnowledgeDatabase.Open(path))
                    kept.Add($"{size:N0} chunks: word heads kept for {KnowledgeDatabase.Scalar(connection, "SELECT count(*) FROM word_heads")} words, "
                        + $"{Convert.ToInt64(KnowledgeDatabase.Scalar(connection, "SELECT total(length(chunks)) FROM word_heads")) / 1024} KiB");
                // `kb search --kind`: candidates of that kind from the heads (a sixth of the synthetic chunks are of each kind).
                report.AppendLine($"| {size:N0} | word heads, filtered to the expected chunk's kind | | | | {Latencies(await SearchAll(store, queries, rounds, byKind: true))} |");
            }
        }
        report.AppendLine();
        foreach (var line in kept) report.AppendLine(line);
        return report.ToString();
    }

    /// <summary>
    /// Wall time and the searching thread's CPU time of every search (BM25 search runs synchronously
    /// on one thread), the share of queries whose expected chunk is in the top five, and the most CPU
    /// one query took in the first (warm-up) round, which pays for whatever a store remembers.
    /// </summary>
    private static async Task<(Sample Wall, Sample Cpu, double Recall, double FirstMax)> SearchAll(IKnowledgeStore store, IReadOnlyList<(string Query, string Expected)> queries, int rounds, bool byKind = false)
    {
        var kindOf = ShippedCorpus.Default.Chunks.ToDictionary(c => c.Title, c => c.Kind);
        KnowledgeKind[]? Kinds(string expected) => byKind ? [kindOf[expected]] : null;
        var found = 0;
        var firstMax = 0.0;
        foreach (var (query, expected) in queries)
        {
            var cpuStart = ThreadCpuClock.NowMilliseconds();
            if ((await store.SearchAsync(query, 5, Kinds(expected))).Any(h => h.Title == expected)) found++;
            firstMax = Math.Max(firstMax, ThreadCpuClock.NowMilliseconds() - cpuStart);
        }
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (query, expected) in queries)
            {
                var cpuStart = ThreadCpuClock.NowMilliseconds();
                var watch = Stopwatch.StartNew();
                await store.SearchAsync(query, 5, Kinds(expected));
                wall.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(ThreadCpuClock.NowMilliseconds() - cpuStart);
            }
        }
        return (new Sample("search", wall), new Sample("search cpu", cpu), (double)found / queries.Count, firstMax);
    }

    private static string Latencies((Sample Wall, Sample Cpu, double Recall, double FirstMax) s) =>
        $"{s.Wall.Median:0.00} ms | {s.Wall.Percentile(0.95):0.00} ms | {s.Cpu.Median:0.00} ms | {s.Cpu.Percentile(0.95):0.00} ms | {s.Recall:0.00} | {s.FirstMax:0} ms";

    /// <summary>Corpus words by frequency, then made-up words for the long tail.</summary>
    private static string[] Vocabulary()
    {
        var counts = ShippedCorpus.Default.Chunks.SelectMany(c => Word().Matches(c.Title + " " + c.Text).Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length > 1).CountBy(w => w).OrderByDescending(p => p.Value).Select(p => p.Key);
        return counts.Concat(Enumerable.Range(0, SyntheticVocabulary).Select(i => $"zz{i:x}")).ToArray();
    }

    private static KnowledgeChunk SyntheticChunk(int index, string[] vocabulary, Random random)
    {
        var words = new string[WordsPerChunk];
        for (var i = 0; i < words.Length; i++) words[i] = vocabulary[Zipf(random, vocabulary.Length)];
        return new KnowledgeChunk($"Synthetic {index} > {words[0]} {words[1]} {words[2]}", string.Join(' ', words),
            KnowledgeSource.File($"/synthetic/{index / 100}.md"), (KnowledgeKind)(index % 6));
    }

    // Rank r drawn with probability proportional to 1/(r+1), by inverting the continuous approximation.
    private static int Zipf(Random random, int n) => Math.Min(n - 1, (int)Math.Floor(Math.Exp(random.NextDouble() * Math.Log(n + 1)) - 1));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
