using System.Globalization;

namespace HwForge.Agents.Batch;

/// <summary>
/// The <c>hwforge design</c> options of one batch job; null means "not said here", so a job's own
/// values can be laid over the file's <c>defaults</c> and the rest left to the design command's defaults.
/// </summary>
public sealed record JobOptions
{
    public bool? Offline { get; init; }
    public int? Candidates { get; init; }
    public int? Rounds { get; init; }
    public int? Optimize { get; init; }
    public int? Batch { get; init; }
    public string? Weights { get; init; }
    public double? ClockPeriod { get; init; }
    public string? Liberty { get; init; }
    public int? Cycles { get; init; }
    public string? Formal { get; init; }

    /// <summary>The lowest assurance the job accepts without a proof (bounded or simulated); null: a proof only.</summary>
    public string? Accept { get; init; }
    public int? Seed { get; init; }
    public string? Model { get; init; }
    public string? LlmEndpoint { get; init; }
    public int? MaxLlmCalls { get; init; }
    public long? MaxTokens { get; init; }
    public double? TimeLimit { get; init; }

    /// <summary>Seconds the whole job may take before its process tree is killed (a batch option, not a design one).</summary>
    public double? Timeout { get; init; }

    /// <summary>A job without its own timeout gets an hour: twice the design command's default time limit is too generous for a sweep.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public TimeSpan TimeoutOrDefault => Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultTimeout;

    /// <summary>This job's values, with <paramref name="defaults"/> filling what it leaves unsaid.</summary>
    public JobOptions Over(JobOptions defaults) => new()
    {
        Offline = Offline ?? defaults.Offline,
        Candidates = Candidates ?? defaults.Candidates,
        Rounds = Rounds ?? defaults.Rounds,
        Optimize = Optimize ?? defaults.Optimize,
        Batch = Batch ?? defaults.Batch,
        Weights = Weights ?? defaults.Weights,
        ClockPeriod = ClockPeriod ?? defaults.ClockPeriod,
        Liberty = Liberty ?? defaults.Liberty,
        Cycles = Cycles ?? defaults.Cycles,
        Formal = Formal ?? defaults.Formal,
        Accept = Accept ?? defaults.Accept,
        Seed = Seed ?? defaults.Seed,
        Model = Model ?? defaults.Model,
        LlmEndpoint = LlmEndpoint ?? defaults.LlmEndpoint,
        MaxLlmCalls = MaxLlmCalls ?? defaults.MaxLlmCalls,
        MaxTokens = MaxTokens ?? defaults.MaxTokens,
        TimeLimit = TimeLimit ?? defaults.TimeLimit,
        Timeout = Timeout ?? defaults.Timeout,
    };

    /// <summary>The <c>hwforge design</c> flags for the values that were said; the design command defaults the rest.</summary>
    public IEnumerable<string> ToDesignArguments()
    {
        if (Offline == true) yield return "--offline";
        foreach (var (flag, value) in Flags())
        {
            if (value is null) continue;
            yield return flag;
            yield return value;
        }
    }

    private IEnumerable<(string Flag, string? Value)> Flags()
    {
        yield return ("--candidates", Text(Candidates));
        yield return ("--rounds", Text(Rounds));
        yield return ("--optimize", Text(Optimize));
        yield return ("--batch", Text(Batch));
        yield return ("--weights", Weights);
        yield return ("--clock-period", Text(ClockPeriod));
        yield return ("--liberty", Liberty);
        yield return ("--cycles", Text(Cycles));
        yield return ("--formal", Formal);
        yield return ("--accept", Accept);
        yield return ("--seed", Text(Seed));
        yield return ("--model", Model);
        yield return ("--llm-endpoint", LlmEndpoint);
        yield return ("--max-llm-calls", Text(MaxLlmCalls));
        yield return ("--max-tokens", Text(MaxTokens));
        yield return ("--time-limit", Text(TimeLimit));
    }

    private static string? Text<T>(T? value) where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture);
}
