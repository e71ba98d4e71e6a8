using System.Text.Json;
using System.Text.Json.Nodes;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;

namespace HwForge.Cli.Commands;

/// <summary>
/// What a verification means for a script: exit 0 only for a proof, or for what <c>--accept</c> explicitly
/// lowered the bar to; exit 3 when no difference was found but it was not proven; 1 on a fail; 2 on an error.
/// </summary>
public sealed record VerifyVerdict(VerifyReport Report, Assurance? Accept)
{
    /// <summary>Good enough for what was asked: proven, or at least the level given to <c>--accept</c>.</summary>
    public bool Accepted => Report.Verified || (Accept is { } level && Report.Meets(level));

    public int ExitCode => Report.Verdict switch
    {
        Verdict.Pass when Accepted => ExitCodes.Ok,
        Verdict.Pass => ExitCodes.NotProven,
        Verdict.Fail => ExitCodes.DesignFailed,
        _ => ExitCodes.UsageOrInfrastructure,
    };

    /// <summary>The report's JSON with the bar it was held to: <c>accept</c> (the level, or null) and <c>accepted</c>.</summary>
    public void WriteJson(TextWriter output)
    {
        var json = JsonSerializer.SerializeToNode(Report, JsonOutput.Options)!.AsObject();
        json["accept"] = Accept?.ToString().ToLowerInvariant();
        json["accepted"] = Accepted;
        json["exitCode"] = ExitCode;
        output.WriteLine(json.ToJsonString(JsonOutput.Options));
    }
}
