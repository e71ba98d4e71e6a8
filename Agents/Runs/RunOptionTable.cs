using System.Globalization;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Runs;

/// <summary>
/// The one table of a design run's options. The run's own options are the rows of <see cref="Run"/>; a target
/// adds its <see cref="ITarget.Options"/>. Defaults are read from a fresh <see cref="RunOptions"/> (where each is
/// written once) or from the target's option list, and every check message names the option by its own name.
/// </summary>
public static class RunOptionTable
{
    private static readonly RunOptions Fresh = new();

    /// <summary>The run's own options, in the order help lists them.</summary>
    public static IReadOnlyList<RunOption> Run { get; } =
    [
        // offline, llm_endpoint and model choose where designs come from; the edge resolves them with the
        // environment (LlmSettings), so they are not kept as typed values here.
        new("offline", "Use the offline catalog even when an LLM endpoint is configured", Boolean("offline")) { IsSwitch = true, Default = "false" },
        new("llm_endpoint", "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (or HWFORGE_LLM_ENDPOINT)", NonEmpty("llm_endpoint")),
        new("model", "Model name at the endpoint (or HWFORGE_LLM_MODEL)", NonEmpty("model")),
        Int("candidates", 1, 64, "Candidates generated at first", o => o.Candidates, (o, v) => o with { Candidates = v }),
        Int("rounds", 0, 50, "Repair rounds while no candidate passed", o => o.RepairRounds, (o, v) => o with { RepairRounds = v }),
        Int("optimize", 0, 100, "Optimization rounds once a candidate passed", o => o.OptimizeRounds, (o, v) => o with { OptimizeRounds = v }),
        Int("batch", 1, 64, "Candidates proposed per optimization round", o => o.OptimizeBatch, (o, v) => o with { OptimizeBatch = v }),
        new("weights", "Objective weights area,delay,power (e.g. 1,1,0)", v => ParseWeights(v) is null ? "weights takes three numbers area,delay,power such as 1,1,0" : null)
        {
            Default = WeightsText(Fresh.Objectives),
            Read = o => WeightsText(o.Objectives),
            Apply = (o, v) => o with { Objectives = ParseWeights(v)! },
        },
        Int("seed", int.MinValue, int.MaxValue, "Seed of stimulus and search", o => o.Seed, (o, v) => o with { Seed = v }),
        new("accept", "Also accept a design whose equivalence is only bounded or simulated (bounded|simulated); the report still says 'not proven'",
            v => AssuranceText.Parse(v) is Assurance.Proven or Assurance.Bounded or Assurance.Simulated ? null : "accept takes bounded or simulated (or proven, the default)")
        {
            Read = o => o.Accept?.ToString().ToLowerInvariant(),
            Apply = (o, v) => o with { Accept = AssuranceText.Parse(v) },
        },
        Int("max_llm_calls", 0, int.MaxValue, "Stop asking the LLM after this many calls (0: no limit)", o => o.Budget.MaxLlmCalls, (o, v) => o with { Budget = o.Budget with { MaxLlmCalls = v } }),
        new("max_tokens", "Stop after this many tokens (0: no limit)", v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? null : "max_tokens must be 0 (no limit) or more")
        {
            Default = Text(Fresh.Budget.MaxTokens),
            Read = o => Text(o.Budget.MaxTokens),
            Apply = (o, v) => o with { Budget = o.Budget with { MaxTokens = long.Parse(v, CultureInfo.InvariantCulture) } },
        },
        new("time_limit", "Stop starting new work after this many seconds (0: no limit)", v => Seconds(v) is null ? "time_limit must be 0 (no limit) or more seconds" : null)
        {
            Default = Text(Fresh.Budget.MaxWallTime.TotalSeconds),
            Read = o => Text(o.Budget.MaxWallTime.TotalSeconds),
            Apply = (o, v) => o with { Budget = o.Budget with { MaxWallTime = TimeSpan.FromSeconds(Seconds(v)!.Value) } },
        },
    ];

    /// <summary>The whole table of a run on a target with these options.</summary>
    public static IReadOnlyList<RunOption> For(IEnumerable<TargetOption> targetOptions) => [.. Run, .. targetOptions.Select(FromTarget)];

    /// <summary>
    /// The table over every target HwForge ships: what the CLI and a jobs file offer before the target is known
    /// (it may come from a spec file). A target that lacks one of them refuses it when the run is checked.
    /// </summary>
    public static IReadOnlyList<RunOption> Shipped { get; } =
        For(TargetRegistry.ShippedOptions.Values.SelectMany(o => o).DistinctBy(o => o.Name));

    /// <summary>The options with <paramref name="values"/> (by option name) laid over them, each value checked.</summary>
    public static RunOptions Apply(RunOptions options, IReadOnlyDictionary<string, string> values, IReadOnlyList<RunOption>? table = null)
    {
        table ??= Shipped;
        foreach (var (name, value) in values)
        {
            var row = table.FirstOrDefault(r => r.Name == name) 
                ?? throw new Tools.Foundation.HwForgeException(Tools.Foundation.ProblemKind.InvalidInput, $"no design option '{name}'; the options are {string.Join(", ", table.Select(r => r.Name))}");
            if (row.Check(value) is { } problem) throw new Tools.Foundation.HwForgeException(Tools.Foundation.ProblemKind.InvalidInput, problem);
            options = row.Apply(options, value);
        }
        return options;
    }

    /// <summary>What is wrong with the run's own options, each in the option's name.</summary>
    public static IEnumerable<OptionProblem> Problems(RunOptions options) =>
        from row in Run
        let value = row.Read?.Invoke(options)
        where value is not null
        let problem = row.Check(value)
        where problem is not null
        select new OptionProblem(row.Name, problem);

    /// <summary>
    /// The target's options with its defaults filled in (so a resumed run does exactly what the first one did), or
    /// the problems: an option the target does not have is refused naming the target and its options.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForTarget(string target, IReadOnlyList<TargetOption> declared,
        IReadOnlyDictionary<string, string> given, ICollection<OptionProblem> problems)
    {
        foreach (var name in given.Keys.Where(n => declared.All(o => o.Name != n)))
            problems.Add(new OptionProblem(name,
                $"the {target} target has no option '{name}'; its options are {string.Join(", ", declared.Select(o => o.Name))}",
                Tools.Foundation.ProblemKind.UnsupportedOption));
        var filled = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in declared)
        {
            var value = given.TryGetValue(option.Name, out var v) ? v : option.Default;
            if (option.Check(value) is { } problem) problems.Add(new OptionProblem(option.Name, problem, Tools.Foundation.ProblemKind.UnsupportedOption));
            filled[option.Name] = value;
        }
        return filled;
    }

    private static RunOption FromTarget(TargetOption option) => new(option.Name, option.Description, option.Check)
    {
        Default = option.Default,
        IsTargetOption = true,
        Apply = (o, v) => o with { TargetOptions = new Dictionary<string, string>(o.TargetOptions) { [option.Name] = v } },
    };

    private static RunOption Int(string name, int min, int max, string description, Func<RunOptions, int> read, Func<RunOptions, int, RunOptions> apply) =>
        new(name, description, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? null
            : min == int.MinValue ? $"{name} must be a whole number"
            : max == int.MaxValue ? $"{name} must be a whole number, {min}{(min == 0 ? " (no limit)" : "")} or more"
            : $"{name} must be a whole number between {min} and {max}")
        {
            Default = Text(read(Fresh)),
            Read = o => Text(read(o)),
            Apply = (o, v) => apply(o, int.Parse(v, CultureInfo.InvariantCulture)),
        };

    private static Func<string, string?> Boolean(string name) => v => bool.TryParse(v, out _) ? null : $"{name} must be true or false";

    private static Func<string, string?> NonEmpty(string name) => v => string.IsNullOrWhiteSpace(v) ? $"{name} needs a value" : null;

    /// <summary>Three numbers area,delay,power, each 0 or more; null when the text is not that.</summary>
    public static ObjectiveWeights? ParseWeights(string text)
    {
        var parts = text.Split(',');
        var numbers = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x >= 0 ? x : (double?)null).ToArray();
        return parts.Length == 3 && numbers.All(n => n is not null) ? new ObjectiveWeights(numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value) : null;
    }

    private static string WeightsText(ObjectiveWeights w) => string.Join(',', new[] { w.Area, w.Delay, w.Power }.Select(x => Text(x)));

    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0 && s < TimeSpan.MaxValue.TotalSeconds ? s : null;

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}
