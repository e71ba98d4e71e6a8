using System.ComponentModel;
using System.Globalization;
using HwForge.Tools.Targets;
using Microsoft.SemanticKernel;

namespace HwForge.Agents.Kernels;

/// <summary>
/// HwForge's judge as a Semantic Kernel plugin for anyone's kernel: an agent lints a draft, verifies a design against a
/// reference and measures its PPA with the same tools, in the same sandbox, as <c>hwforge verify</c> and
/// <c>hwforge ppa</c>. Add it with <see cref="HwForgeKernelExtensions.AddHwForgeJudge"/>; examples/sk-plugin shows it.
/// </summary>
internal sealed class HwForgeJudgePlugin(ITarget target)
{
    /// <summary>The plugin's name in a kernel; the model sees its functions as <c>hwforge_lint</c>, <c>hwforge_verify</c>, <c>hwforge_ppa</c>.</summary>
    public const string Name = "hwforge";

    [KernelFunction("lint")]
    [Description("Lint a hardware design draft with the target's own checker; returns its warnings and errors.")]
    public Task<string> LintAsync([Description("The whole source of the draft")] string code, CancellationToken cancellation) =>
        target.DraftCheck is { } check ? check.RunAsync(code, cancellation) : Task.FromResult($"the {target.Name} target has no draft check");

    [KernelFunction("verify")]
    [Description("Verify a design against a reference design by simulation (and formal checking where available); returns pass or fail with the first difference.")]
    public async Task<string> VerifyAsync(
        [Description("The whole source of the design")] string design,
        [Description("The whole source of the reference it must behave like")] string reference,
        [Description("The name of the top module or function, the same in both")] string top,
        [Description("The clock input, if the design has one")] string? clock = null,
        [Description("The reset input, if the design has one")] string? reset = null,
        CancellationToken cancellation = default)
    {
        var candidate = Artifact(top, "design", design);
        var verdict = await target.VerifyAsync(candidate, DesignReference.Of(Artifact(top, "reference", reference)),
            new DesignHints { Clock = clock, Reset = reset }, TargetJob.Default, cancellation);
        return verdict.Passed
            ? $"pass: {verdict.Shown}"
            : $"{verdict.Verdict.ToString().ToLowerInvariant()}: {verdict.Summary}\n{target.Feedback(verdict, candidate)}".TrimEnd();
    }

    [KernelFunction("ppa")]
    [Description("Measure a design's power, performance and area with the target's synthesis and timing tools.")]
    public async Task<string> MeasureAsync(
        [Description("The whole source of the design")] string design,
        [Description("The name of the top module or function")] string top,
        [Description("The clock input, if the design has one")] string? clock = null,
        CancellationToken cancellation = default)
    {
        var measured = await target.MeasureAsync(Artifact(top, "design", design), new DesignHints { Clock = clock }, TargetJob.Default, cancellation);
        if (!measured.Succeeded) return $"not measured: {measured.Problem}";
        var figures = target.Objectives.Select(o => measured.Metrics[o] is { } value
            ? string.Create(CultureInfo.InvariantCulture, $"{o.Name} {value:0.###} {o.Unit}") : $"{o.Name} ?");
        return $"{string.Join(", ", figures)} ({measured.Basis})";
    }

    private DesignArtifact Artifact(string top, string name, string text) =>
        DesignArtifact.Single(target.Name, top, name + target.FileKinds[0].Extension, text);
}

/// <summary>The one line that puts HwForge's judge into a kernel.</summary>
public static class HwForgeKernelExtensions
{
    /// <summary>Adds <see cref="HwForgeJudgePlugin"/> for <paramref name="target"/> (from <c>TargetRegistry.Create(host, versions).Get("rtl")</c>).</summary>
    public static KernelPlugin AddHwForgeJudge(this ICollection<KernelPlugin> plugins, ITarget target)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var plugin = KernelPluginFactory.CreateFromObject(new HwForgeJudgePlugin(target), HwForgeJudgePlugin.Name);
        plugins.Add(plugin);
        return plugin;
    }
}
