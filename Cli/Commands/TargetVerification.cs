using System.CommandLine;
using System.Text.Json;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge verify --target NAME</c> for a target other than RTL: the design and the reference as that target's
/// artifacts, its options from the flags the option table made, and its own verdict, printed for people or as
/// JSON, with the exit codes of every verify (0 proven or accepted, 3 not proven, 1 failed, 2 error).
/// </summary>
internal static class TargetVerification
{
    /// <summary>One flag per option of a shipped target that verify does not already have (for HLS: <c>--calls</c>).</summary>
    public static IReadOnlyList<(string Target, TargetOption Option, Option<string?> Flag)> Flags(IEnumerable<string> taken)
    {
        var names = new HashSet<string>(taken, StringComparer.Ordinal);
        var flags = new List<(string, TargetOption, Option<string?>)>();
        foreach (var (target, options) in TargetRegistry.ShippedOptions)
        {
            if (target == TargetRegistry.DefaultName) continue;
            foreach (var option in options)
            {
                var flag = "--" + option.Name.Replace('_', '-');
                if (!names.Add(flag)) continue;
                flags.Add((target, option, new Option<string?>(flag) { Description = $"{option.Description} (target {target}; default {option.Default})" }));
            }
        }
        return flags;
    }

    /// <summary>The options given for <paramref name="target"/>; a flag of another target is refused, naming both.</summary>
    public static IReadOnlyDictionary<string, string> OptionsFor(string target, ParseResult parse, IReadOnlyList<(string Target, TargetOption Option, Option<string?> Flag)> flags)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (owner, option, flag) in flags)
        {
            if (parse.GetValue(flag) is not { } value) continue;
            if (!string.Equals(owner, target, StringComparison.OrdinalIgnoreCase))
                throw new ArgumentException($"{flag.Name} is an option of target {owner}, not of target {target}");
            if (option.Check(value) is { } problem) throw new ArgumentException($"{flag.Name}: {problem}");
            options[option.Name] = value;
        }
        return options;
    }

    /// <summary>A target's verdict, whether it meets the bar asked for, and the exit code <c>hwforge verify</c> gives it.</summary>
    public sealed record Outcome(TargetVerdict Verdict, bool Accepted, int ExitCode);

    /// <summary>
    /// The check behind <c>hwforge verify --target T</c> and the MCP <c>verify_target</c> tool, so both hold a design to
    /// the same bar and exit the same way. A reference the target cannot use is an <see cref="ArgumentException"/>.
    /// </summary>
    public static async Task<Outcome> CheckAsync(ITarget target, string[] designFiles, string top, string[] referenceFiles, string referenceTop,
        int seed, IReadOnlyDictionary<string, string> options, Assurance? accept, CancellationToken cancellation)
    {
        var design = new DesignArtifact(target.Name, top, SourceLoader.Load(designFiles));
        var reference = DesignReference.Of(new DesignArtifact(target.Name, referenceTop, SourceLoader.Load(referenceFiles)));
        if (await target.CheckReferenceAsync(reference, DesignHints.None, cancellation) is { } problem)
            throw new ArgumentException($"--ref: {problem}");
        var verdict = await target.VerifyAsync(design, reference, DesignHints.None, new TargetJob { Seed = seed, Options = options }, cancellation);
        var accepted = verdict.Verified || (accept is { } level && verdict.Passed && verdict.Assurance >= level && verdict.Assurance != Assurance.None);
        var exit = verdict.Verdict switch
        {
            Verdict.Pass when accepted => ExitCodes.Ok,
            Verdict.Pass => ExitCodes.NotProven,
            Verdict.Fail => ExitCodes.DesignFailed,
            _ => ExitCodes.UsageOrInfrastructure,
        };
        return new Outcome(verdict, accepted, exit);
    }

    public static async Task<int> RunAsync(ParseResult parse, ITarget target, string[] designFiles, string top, string[] referenceFiles, string referenceTop,
        int seed, IReadOnlyDictionary<string, string> options, Assurance? accept, bool json, CancellationToken cancellation)
    {
        var (verdict, accepted, exit) = await CheckAsync(target, designFiles, top, referenceFiles, referenceTop, seed, options, accept, cancellation);
        var output = parse.InvocationConfiguration.Output;
        if (json)
        {
            var node = JsonSerializer.SerializeToNode(verdict, JsonOutput.Options)!.AsObject();
            node["target"] = target.Name;
            node["accept"] = accept?.ToString().ToLowerInvariant();
            node["accepted"] = accepted;
            node["exitCode"] = exit;
            output.WriteLine(node.ToJsonString(JsonOutput.Options));
            return exit;
        }
        var word = verdict.Verdict switch
        {
            Verdict.Pass when verdict.Verified => "VERIFIED",
            Verdict.Pass when accepted => $"ACCEPTED ({AssuranceText.Word(verdict.Assurance)})",
            // "SIMULATED, NOT PROVEN": passing random trials is evidence, never a proof.
            Verdict.Pass => $"{AssuranceText.Word(verdict.Assurance).ToUpperInvariant()}, NOT PROVEN",
            Verdict.Fail => "FAIL",
            _ => "ERROR",
        };
        output.WriteLine($"{word}: {verdict.Summary} ({verdict.Elapsed.TotalMilliseconds:0} ms{(verdict.FromCache ? ", cached" : "")})");
        if (verdict.Passed && !string.IsNullOrEmpty(verdict.Shown)) output.WriteLine($"  shown: {verdict.Shown}");
        if (verdict.Estimated is { } estimated) output.WriteLine($"  estimated: {estimated}");
        if (verdict.Static is { } resources) output.WriteLine($"  static: {resources}");
        if (!verdict.Passed && verdict.DecidedBy is { } check) output.WriteLine($"  decided by: {check}");
        if (verdict.FirstMismatch is { } mismatch) output.WriteLine($"  first mismatch: {mismatch}");
        return exit;
    }
}
