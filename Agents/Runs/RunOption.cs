using HwForge.Tools.Foundation;

namespace HwForge.Agents.Runs;

/// <summary>
/// One option of a design run as every edge offers it: its name (the jobs-file key; the CLI flag is
/// <see cref="Flag"/>), what it means, its default, how a value is checked and how it goes into
/// <see cref="RunOptions"/>. The CLI flags, the jobs-file keys and the web form are all built from rows of
/// <see cref="RunOptionTable"/>, so adding a row adds the option everywhere.
/// </summary>
public sealed record RunOption(string Name, string Description, Func<string, string?> Check)
{
    /// <summary>The value a run gets when none is given, as text; null when unset means "none" (model, accept).</summary>
    public string? Default { get; init; }

    /// <summary>True for an on/off option: a flag without a value on the command line, true/false in a jobs file.</summary>
    public bool IsSwitch { get; init; }

    /// <summary>True when the option belongs to the target (it goes into <see cref="RunOptions.TargetOptions"/>).</summary>
    public bool IsTargetOption { get; init; }

    /// <summary>Puts a value, already checked, into the options; options that only choose the LLM leave them alone.</summary>
    public Func<RunOptions, string, RunOptions> Apply { get; init; } = (options, _) => options;

    /// <summary>The value the options hold, for checking options built in code; null for options that are not kept.</summary>
    public Func<RunOptions, string?>? Read { get; init; }

    public string Flag => FlagOf(Name);

    /// <summary>The command-line spelling of an option name: <c>clock_period</c> is <c>--clock-period</c>.</summary>
    public static string FlagOf(string name) => "--" + name.Replace('_', '-');
}

/// <summary>
/// What is wrong with one option's value, in the option's own name. Its message starts with that name, so each
/// edge can say it in its own words: the CLI puts the flag there, a jobs file the quoted key, the web form its label.
/// </summary>
public sealed record OptionProblem(string Option, string Message, ProblemKind Kind = ProblemKind.InvalidInput)
{
    public string Worded(string shownName) =>
        Message.StartsWith(Option, StringComparison.Ordinal) ? shownName + Message[Option.Length..] : Message;
}
