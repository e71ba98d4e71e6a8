using HwForge.Agents.Design;
using HwForge.Tools.Judge;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;
using System.Globalization;

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

    public double ClockPeriodNs { get; init; } = 10;

    public string Liberty { get; init; } = "osu018";

    public int Seed { get; init; } = 1;

    public int Cycles { get; init; } = 1000;

    public FormalMode Formal { get; init; } = FormalMode.Auto;

    /// <summary>
    /// The lowest assurance the user accepts for the result (<c>--accept bounded|simulated</c>); null: only a proof.
    /// It lowers the bar for the exit code only: the report still says the design is not proven.
    /// </summary>
    public Assurance? Accept { get; init; }

    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>What the target is asked to do: the seed and its own options, by the names the target declares.</summary>
    public TargetJob TargetJob() => new()
    {
        Seed = Seed,
        Options = new Dictionary<string, string>
        {
            ["cycles"] = Cycles.ToString(CultureInfo.InvariantCulture),
            ["formal"] = Formal.ToString().ToLowerInvariant(),
            ["liberty"] = Liberty,
            ["clock_period"] = ClockPeriodNs.ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary>Checks the numbers a user typed, with a message naming the flag.</summary>
    public RunOptions Validated()
    {
        Require(Candidates is >= 1 and <= 64, "--candidates must be between 1 and 64");
        Require(RepairRounds is >= 0 and <= 50, "--rounds must be between 0 and 50");
        Require(OptimizeRounds is >= 0 and <= 100, "--optimize must be between 0 and 100");
        Require(OptimizeBatch is >= 1 and <= 64, "--batch must be between 1 and 64");
        Require(ClockPeriodNs is > 0 and < 1e6, "--clock-period must be a positive number of ns");
        Require(Cycles is >= 10 and <= 1_000_000, "--cycles must be between 10 and 1000000");
        Require(Request is not null || Spec is not null, "give a request in plain words or --spec FILE");
        Require(Accept is not Assurance.None, "--accept takes bounded or simulated (or proven, the default)");
        Budget.Validate();
        return this;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message);
    }
}

/// <summary>Limits on what a run may spend; zero means no limit.</summary>
public sealed record RunBudget
{
    public int MaxLlmCalls { get; init; } = 60;

    public long MaxTokens { get; init; } = 400_000;

    public TimeSpan MaxWallTime { get; init; } = TimeSpan.FromMinutes(30);

    public void Validate()
    {
        if (MaxLlmCalls < 0) throw new ArgumentException("--max-llm-calls must be 0 (no limit) or more");
        if (MaxTokens < 0) throw new ArgumentException("--max-tokens must be 0 (no limit) or more");
        if (MaxWallTime < TimeSpan.Zero) throw new ArgumentException("--time-limit must be 0 (no limit) or more");
    }
}
