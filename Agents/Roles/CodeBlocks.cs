using HwForge.Tools.Targets;

namespace HwForge.Agents.Roles;

/// <summary>Takes structured parts out of a model's answer: fenced blocks only, never prose around them.</summary>
internal static class CodeBlocks
{
    /// <summary>The answer's JSON: the last block tagged json, else the last block that starts like an object.</summary>
    public static string? Json(string answer) => FencedBlocks.All(answer).LastOrDefault(b => b.Language == "json").Code
        ?? FencedBlocks.All(answer).LastOrDefault(b => b.Code.TrimStart().StartsWith('{')).Code;
}
