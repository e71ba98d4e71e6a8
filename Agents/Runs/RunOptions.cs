using System.Globalization;
using System.Text.Json.Serialization;
using HwForge.Agents.Design;
using HwForge.Tools.Foundation;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Runs;

/// <summary>Whether the designs come from an LLM or from the offline catalog.</summary>
public enum DesignMode
{
    Offline,
    Llm,
}

/// <summary>
/// What a run was asked to do, saved as <c>run.json</c> before anything else so that a resumed run does
/// exactly what the first one set out to. It never holds the LLM key: that comes from the environment again.
/// </summary>
public sealed record RunOptions
{
    /// <summary>The request in plain words; null when a spec file was given.</summary>
    public string? Request { get; init; }

    /// <summary>The spec file's content with its reference files read in, so the run does not depend on them staying put.</summary>
    public SpecInput? Spec { get; init; }

    /// <summary>Where the spec file was, for the report.</summary>
    public string? SpecPath { get; init; }

    public DesignMode Mode { get; init; } = DesignMode.Offline;

    /// <summary>The target designs are written for: as given, else the spec file's <c>target</c>, else <c>rtl</c>.</summary>
    public string Target { get => field ?? Spec?.Target ?? TargetRegistry.DefaultName; init; }

    public string? LlmEndpoint { get; init; }

    public string? Model { get; init; }

    /// <summary>Candidates generated at first (N).</summary>
    public int Candidates { get; init; } = 3;

    /// <summary>Repair rounds while no candidate passed (R).</summary>
    public int RepairRounds { get; init; } = 3;

    /// <summary>Optimisation rounds once a candidate passed (K).</summary>
    public int OptimizeRounds { get; init; } = 3;

    /// <summary>Candidates the optimizer proposes per round.</summary>
    public int OptimizeBatch { get; init; } = 3;

    public RunBudget Budget { get; init; } = new();

    public ObjectiveWeights Objectives { get; init; } = ObjectiveWeights.Equal;

    public int Seed { get; init; } = 1;

    /// <summary>
    /// The target's own options by the names it declares (for RTL: cycles, formal, liberty, clock_period), as
    /// text; <see cref="Validated"/> fills in the target's defaults, so run.json says everything the run used.
    /// </summary>
    public IReadOnlyDictionary<string, string> TargetOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The lowest assurance the user accepts for the result (<c>--accept bounded|simulated</c>); null: only a proof.
    /// It lowers the bar for the exit code only: the report still says the design is not proven.
    /// </summary>
    public Assurance? Accept { get; init; }

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>What the target is asked to do: the seed and its own options, by the names the target declares.</summary>
    public TargetJob TargetJob() => new() { Seed = Seed, Options = TargetOptions };

    /// <summary>
    /// Checks the options, each problem in the option's own name (<see cref="Problems"/> lists them for an edge
    /// that words them itself), and fills in a shipped target's defaults. Throws the first problem.
    /// </summary>
    public RunOptions Validated()
    {
        var problems = new List<OptionProblem>(Problems(out var filled));
        if (problems.FirstOrDefault() is { } first) throw new HwForgeException(first.Kind, first.Message);
        return filled is null ? this : this with { TargetOptions = filled };
    }

    /// <summary>What is wrong with these options, each in the option's own name; empty when nothing is.</summary>
    public IReadOnlyList<OptionProblem> Problems() => Problems(out _);

    private List<OptionProblem> Problems(out IReadOnlyDictionary<string, string>? filledTargetOptions)
    {
        var problems = RunOptionTable.Problems(this).ToList();
        if (Request is null && Spec is null) problems.Add(new OptionProblem("request", "give a request in plain words or a spec file"));
        // A target outside the shipped ones (a test's) is checked by the design runner, which has it.
        filledTargetOptions = TargetRegistry.ShippedOptions.TryGetValue(Target, out var declared)
            ? RunOptionTable.ForTarget(Target, declared, TargetOptions, problems)
            : null;
        return problems;
    }

    // run.json of runs started before target options were a map held these four typed; reading one keeps them.
    [JsonInclude, JsonPropertyName("clockPeriodNs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private double? LegacyClockPeriodNs { get => null; init { if (value?.ToString(CultureInfo.InvariantCulture) is { } v) TargetOptions = With(TargetOptions, "clock_period", v); } }

    [JsonInclude, JsonPropertyName("liberty"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private string? LegacyLiberty { get => null; init { if (value is { } v) TargetOptions = With(TargetOptions, "liberty", v); } }

    [JsonInclude, JsonPropertyName("cycles"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private int? LegacyCycles { get => null; init { if (value?.ToString(CultureInfo.InvariantCulture) is { } v) TargetOptions = With(TargetOptions, "cycles", v); } }

    [JsonInclude, JsonPropertyName("formal"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private string? LegacyFormal { get => null; init { if (value?.ToLowerInvariant() is { } v) TargetOptions = With(TargetOptions, "formal", v); } }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> options, string name, string value) =>
        new(options) { [name] = value };
}

/// <summary>Limits on what a run may spend; zero means no limit. Checked with the run's options (<see cref="RunOptionTable"/>).</summary>
public sealed record RunBudget
{
    public int MaxLlmCalls { get; init; } = 60;

    public long MaxTokens { get; init; } = 400_000;

    public TimeSpan MaxWallTime { get; init; } = TimeSpan.FromMinutes(30);
}
