using System.Collections.Concurrent;
using System.Text.Json;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Tools.Tests.Judge;

/// <summary>One variant of an example design and what the judge said about it.</summary>
public sealed record CorpusResult(string Design, string Kind, string Variant, bool ShouldPass, VerifyReport Report)
{
    public bool Correct => ShouldPass ? Report.Verdict == Verdict.Pass : Report.Verdict == Verdict.Fail;

    public bool CaughtOnlyByFormal => !ShouldPass && Report.DecidedBy == StageName.Formal;
}

/// <summary>
/// Runs the judge once over every example: each reference against itself, every equivalent
/// version, and every faulty variant. Shared by the corpus tests, which assert on the results.
/// </summary>
public sealed class ExampleCorpus : IDisposable
{
    private readonly TestHost _test = new();

    public ExampleCorpus() => Results = RunAsync().GetAwaiter().GetResult();

    public IReadOnlyList<CorpusResult> Results { get; }

    private async Task<IReadOnlyList<CorpusResult>> RunAsync()
    {
        var work = new List<(string Design, string Kind, string Variant, bool ShouldPass, VerifyRequest Request)>();
        foreach (var folder in Directory.GetDirectories(Repository.Examples).Order())
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
            var root = manifest.RootElement;
            var top = root.GetProperty("top").GetString()!;
            var kind = root.GetProperty("kind").GetString()!;
            var reference = new[] { SourceLoader.LoadOne(Path.Combine(folder, "ref.v")) };
            VerifyRequest Against(string file) => new([SourceLoader.LoadOne(Path.Combine(folder, file))], top, reference, top)
            {
                // Large multipliers are beyond SAT within a test's budget; simulation still decides them.
                FormalTimeout = TimeSpan.FromSeconds(30),
            };
            work.Add((top, kind, "ref.v", true, Against("ref.v")));
            foreach (var equivalent in root.GetProperty("equivalents").EnumerateArray())
                work.Add((top, kind, equivalent.GetString()!, true, Against(equivalent.GetString()!)));
            foreach (var fault in root.GetProperty("faults").EnumerateArray())
                work.Add((top, kind, fault.GetProperty("file").GetString()!, false, Against(fault.GetProperty("file").GetString()!)));
        }

        var results = new ConcurrentBag<CorpusResult>();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (item, cancellation) =>
        {
            var report = await new Verifier(_test.Host, _test.Versions).VerifyAsync(item.Request, cancellation);
            results.Add(new CorpusResult(item.Design, item.Kind, item.Variant, item.ShouldPass, report));
        });
        return [.. results.OrderBy(r => r.Design).ThenBy(r => r.Variant)];
    }

    public void Dispose() => _test.Dispose();
}
