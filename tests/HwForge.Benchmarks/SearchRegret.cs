using System.Globalization;
using System.Text;
using HwForge.Agents.Design;
using HwForge.Agents.Judging;
using HwForge.Agents.Offline;
using HwForge.Agents.Runs;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Caching;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Programs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Benchmarks;

/// <summary>
/// How close the offline optimizer's evolutionary search gets to the best point of an exhaustive sweep, and after
/// how many evaluations. Every point of a family's architecture space is judged once for real (verify + PPA);
/// the search is then replayed against that table for many seeds (it sees only rewards, so replaying is exact),
/// beside a random search with the same budget.
/// </summary>
public static class SearchRegret
{
    private const int Seeds = 20;
    private const int FirstCandidates = 3;
    private const int Batch = 3;

    public static async Task<string> RunAsync(HwForgeHome home, IReadOnlyList<string> requests)
    {
        var host = new ToolHost(new BubblewrapSandbox(), home, new ContentCache(home.Cache));
        var versions = new ToolVersions(host);
        var text = new StringBuilder();
        text.AppendLine("| request | objective | space | verified points | best (exhaustive) | default's reward | evaluations to find the best: search (median / worst of 20 seeds) | random search (median / worst) | regret after 6 evaluations: search / random |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var request in requests)
        {
            var read = TargetRegistry.ShippedCatalog("rtl")!.Read(request);
            if (read.Family is null) throw new ArgumentException($"'{request}' is not in the catalog");
            var space = new ParameterSpace(read.Family, read.Family.Resolve(read.Stated).Values);
            var (outcomes, baseline) = await SweepAsync(home, host, versions, space, request);
            foreach (var (name, weights) in Objectives)
                text.AppendLine(Row(request, name, space, Score(outcomes, baseline, weights)));
        }
        return text.ToString();
    }

    private static readonly (string Name, ObjectiveWeights Weights)[] Objectives =
        [("area, delay, power", ObjectiveWeights.Equal), ("area", new(1, 0, 0)), ("delay", new(0, 1, 0))];

    // The sweep measures each point once; each objective then scores the same measurements, as the judge would.
    private static Dictionary<string, SearchObservation> Score(Dictionary<SearchPoint, CandidateOutcome> outcomes, PpaMetrics baseline, ObjectiveWeights weights) =>
        outcomes.ToDictionary(o => o.Key.ToString(), o => new SearchObservation(o.Key, o.Value.ScoredAgainst(baseline, weights).Reward, o.Value.Passed));

    private static async Task<(Dictionary<SearchPoint, CandidateOutcome>, PpaMetrics)> SweepAsync(HwForgeHome home, ToolHost host, ToolVersions versions, ParameterSpace space, string request)
    {
        var options = new RunOptions { Request = request, Objectives = ObjectiveWeights.Equal };
        await using var run = RunFolder.Create(Path.Combine(home.Runs, Guid.NewGuid().ToString("N")), options);
        var judge = new CandidateJudge(new RtlTarget(host, versions), options);
        var defaults = space.Family.Generate(space.Fixed.Values);
        var spec = new DesignSpec { Top = defaults.Top, Description = request, ReferenceOrigin = ReferenceOrigin.Catalog, Reference = defaults.Reference };
        var baseline = (await judge.MeasureReferenceAsync(spec, default))?.Metrics ?? PpaMetrics.Unmeasured;
        var table = new Dictionary<SearchPoint, CandidateOutcome>();
        var n = 0;
        foreach (var point in space.All())
        {
            if (space.TryGenerate(point) is not { } design) continue;
            var proposal = new CandidateProposal
            {
                Id = $"p{++n:000}", Origin = "sweep", Design = design.Design, Reference = design.Reference,
            };
            var outcome = await judge.JudgeAsync(spec, proposal, baseline, run, default);
            table[point] = outcome;
            Console.Error.WriteLine($"  {request}: {point} -> {(outcome.Passed ? HwForge.Tools.Targets.AssuranceText.Word(outcome.Assurance) : "FAILED")} reward {outcome.Reward:0.###}");
        }
        return (table, baseline);
    }

    private static string Row(string request, string objective, ParameterSpace space, Dictionary<string, SearchObservation> table)
    {
        var best = table.Values.Where(o => o.Passed).Max(o => o.Reward);
        var searchFinds = new List<int>();
        var randomFinds = new List<int>();
        var searchRegret = new List<double>();
        var randomRegret = new List<double>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var searched = ReplaySearch(space, table, seed);
            var shuffled = table.Values.OrderBy(_ => Random.Shared.Next()).ToList();
            searchFinds.Add(FirstIndexOfBest(searched, best));
            randomFinds.Add(FirstIndexOfBest(shuffled, best));
            searchRegret.Add(best - Best(searched.Take(6)));
            randomRegret.Add(best - Best(shuffled.Take(6)));
        }
        var defaultReward = table[space.Fixed.ToString()].Reward;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {request} | {objective} | {space.Size} | {table.Values.Count(o => o.Passed)} | {best:0.###} | {defaultReward:0.###} | {Median(searchFinds)} / {searchFinds.Max()} | {Median(randomFinds)} / {randomFinds.Max()} | {searchRegret.Average():0.###} / {randomRegret.Average():0.###} |");
    }

    // The same sequence the supervisor runs: the first candidates, then batches until the space is exhausted.
    private static List<SearchObservation> ReplaySearch(ParameterSpace space, Dictionary<string, SearchObservation> table, int seed)
    {
        var search = new EvolutionarySearch(space, seed);
        var seen = search.InitialBatch(FirstCandidates).Select(p => table[p.ToString()]).ToList();
        for (var round = 1; seen.Count < table.Count && round < 100; round++)
        {
            var next = search.NextBatch(seen, Batch, round);
            if (next.Count == 0) break;
            seen.AddRange(next.Select(p => table[p.ToString()]));
        }
        return seen;
    }

    private static int FirstIndexOfBest(IReadOnlyList<SearchObservation> order, double best) =>
        order.Select((o, i) => (o, i)).First(x => x.o.Passed && x.o.Reward >= best - 1e-9).i + 1;

    private static double Best(IEnumerable<SearchObservation> seen) => seen.Where(o => o.Passed).Select(o => o.Reward).DefaultIfEmpty(0).Max();

    private static double Median(List<int> values) => values.Order().ElementAt(values.Count / 2);
}
