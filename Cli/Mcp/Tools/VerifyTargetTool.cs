using System.ComponentModel;
using HwForge.Cli.Commands;
using HwForge.Tools.Programs;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Cuda;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>
/// The MCP <c>verify_target</c> tool: <c>hwforge verify --target T</c> for any shipped target (an HLS C++ kernel against
/// its reference kernel by C simulation; a CUDA kernel against its golden model on the problem's sizes, with
/// <c>spec</c> as <c>--spec problem.yaml</c>), through the same check, bar and words as the CLI.
/// </summary>
[McpServerToolType]
internal static class VerifyTargetTool
{
    /// <param name="Target">The target that judged.</param>
    /// <param name="Verdict">The target's verdict: verdict, assurance, summary, what was shown, the first mismatch.</param>
    /// <param name="Accept">The lowered bar asked for, or null for proven.</param>
    /// <param name="ExitCode">What <c>hwforge verify --target</c> would exit with.</param>
    public sealed record Result(string Target, TargetVerdict Verdict, Assurance? Accept, bool Accepted, int ExitCode);

    [McpServerTool(Name = "verify_target", Title = "Verify a design of any target", ReadOnly = true, UseStructuredContent = true)]
    [Description("Check a design of a named target (see the targets tool; hls: a C++ kernel against a reference kernel by C simulation; cuda: a .cu kernel against a golden C++ model, with spec the problem.yaml) against its reference, sandboxed. "
        + "verdict.verdict is pass, fail or error; verdict.assurance says how strongly no difference was shown; accepted is true only for a proof unless accept lowers the bar; exitCode is what 'hwforge verify --target' would exit with.")]
    public static async Task<Result> VerifyTarget(
        McpServer server, WorkspaceRoots roots, SharedToolHost shared,
        [Description("The target's name, for example hls (rtl is the verify tool's)")] string target,
        [Description("The design's source files")] string[] design,
        [Description("The reference's source files (cuda: the golden model, golden.cpp)")] string[] reference,
        [Description("The design's top function or module (required but for cuda, whose problem names its entry)")] string? top = null,
        [Description("cuda only: the problem file (problem.yaml) read beside the reference")] string? spec = null,
        [Description("The reference's top (default: top)")] string? referenceTop = null,
        [Description("The target's own options by name, as the targets tool lists them (hls: calls, hls_include; cuda: trials)")] Dictionary<string, string>? options = null,
        [Description("Seed of the random stimulus")] int seed = 1,
        [Description("Also accept a result that is only bounded or simulated: bounded or simulated")] string? accept = null,
        CancellationToken cancellation = default)
    {
        var chosen = TargetRegistry.ShippedNames.FirstOrDefault(n => string.Equals(n, target.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--target: no target '{target}'; the targets are {string.Join(", ", TargetRegistry.ShippedNames)}");
        // The CLI's rules and words: spec is CUDA's alone, and every other target needs its top.
        var cuda = chosen == CudaTarget.TargetName;
        if (spec is not null && !cuda) throw new ArgumentException($"--spec is an option of target {CudaTarget.TargetName}, not of target {chosen}");
        var topName = top ?? (cuda ? "" : throw new ArgumentException("--top is required: the design's top module (or top function)"));
        Assurance? bar = accept is null ? null
            : AssuranceText.Parse(accept) ?? throw new ArgumentException($"--accept takes bounded or simulated (or proven, the default), not '{accept}'");
        var checkedOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = TargetRegistry.ShippedOptions[chosen];
        foreach (var (name, value) in options ?? [])
        {
            var option = known.FirstOrDefault(o => o.Name == name)
                ?? throw new ArgumentException($"options: target {chosen} has no option '{name}'; its options are {string.Join(", ", known.Select(o => o.Name))}");
            if (option.Check(value) is { } problem) throw new ArgumentException($"options.{name}: {problem}");
            checkedOptions[name] = value;
        }
        var designFiles = await roots.ResolveAllAsync(server, design, cancellation);
        var referenceFiles = await roots.ResolveAllAsync(server, spec is null ? reference : [.. reference, spec], cancellation);
        var pathsResolved = await PathOptions.ResolveAsync(roots, server, checkedOptions, cancellation);
        var host = await shared.GetAsync(cancellation);
        var registry = TargetRegistry.Create(host, new ToolVersions(host));
        var (verdict, accepted, exit) = await TargetVerification.CheckAsync(registry.Get(chosen), [.. designFiles], topName, [.. referenceFiles],
            referenceTop ?? topName, seed, pathsResolved, bar, cancellation);
        return new Result(chosen, verdict, bar, accepted, exit);
    }
}
