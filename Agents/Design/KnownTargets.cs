using HwForge.Tools.Targets;

namespace HwForge.Agents.Design;

/// <summary>
/// The design targets a spec file may name, checked while the file is read (before any tool is set up): the names
/// of the targets HwForge ships, from <see cref="TargetRegistry"/>.
/// </summary>
internal static class KnownTargets
{
    public static IReadOnlyList<string> Names => TargetRegistry.ShippedNames;

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
