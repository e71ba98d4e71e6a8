using System.CommandLine;
using HwForge.Agents.Runs;

namespace HwForge.Cli;

/// <summary>
/// The command-line flags of a design run, one per row of <see cref="RunOptionTable"/>: the flag is the option's
/// name with dashes, its help and default come from the row, and a bad value is a usage error worded with the flag
/// from the row's own check. Only the values a user typed are taken, so the defaults stay written once.
/// </summary>
public sealed class OptionFlags
{
    private readonly IReadOnlyList<(RunOption Row, Option Flag)> _flags;

    public OptionFlags(IReadOnlyList<RunOption> table) => _flags = [.. table.Select(row => (row, Create(row)))];

    /// <summary>The flags of every shipped target's run.</summary>
    public static OptionFlags Shipped { get; } = new(RunOptionTable.Shipped);

    public IEnumerable<Option> Options => _flags.Select(f => f.Flag);

    /// <summary>The flag of an option name.</summary>
    public Option this[string name] => _flags.First(f => f.Row.Name == name).Flag;

    /// <summary>The options given on the command line, by table name.</summary>
    public IReadOnlyDictionary<string, string> Given(ParseResult parse)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, flag) in _flags)
        {
            if (parse.GetResult(flag) is not { Implicit: false } result) continue;
            var value = row.IsSwitch ? result.GetValueOrDefault<bool>() ? "true" : "false" : result.GetValueOrDefault<string>();
            if (value is not null) given[row.Name] = value;
        }
        return given;
    }

    private static Option Create(RunOption row)
    {
        var description = row.Default is null || row.IsSwitch ? row.Description : $"{row.Description} (default: {row.Default})";
        if (row.IsSwitch) return new Option<bool>(row.Flag) { Description = row.Description };
        var option = new Option<string>(row.Flag) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && row.Check(value) is { } problem)
                result.AddError($"{new OptionProblem(row.Name, problem).Worded(row.Flag)}, not '{value}'");
        });
        return option;
    }
}
