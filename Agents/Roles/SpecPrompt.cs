using HwForge.Agents.Design;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Roles;

/// <summary>The part of every Coder and Optimizer prompt that states what to build, in the target's words.</summary>
internal static class SpecPrompt
{
    public static string Describe(ITarget target, DesignSpec spec) =>
        target.Prompts.Task(spec.Top, spec.Description, spec.Hints, spec.Reference);

    /// <summary>A design shown back to the model, fenced in its language.</summary>
    public static string Fenced(ITarget target, DesignArtifact design) => design.Files.Count == 0
        ? "(the answer held no design)\n"
        : string.Concat(design.Files.Select(f => $"```{Fence(target, f.FileName)}\n{f.Text.TrimEnd()}\n```\n"));

    private static string Fence(ITarget target, string fileName) =>
        (target.FileKinds.FirstOrDefault(k => fileName.EndsWith(k.Extension, StringComparison.OrdinalIgnoreCase)) ?? target.FileKinds[0]).Fence;
}
