namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>
/// Checks the clock and reset a spec names against a module's ports. A spec (often a model's) that names a port
/// the module lacks is a mistake to report as a verdict, in words that can go back into a prompt, not a crash.
/// </summary>
internal static class SpecPorts
{
    /// <summary>Why the named clock or reset is not a port of <paramref name="module"/> (called <paramref name="whose"/>), or null.</summary>
    public static string? Problem(ModuleInterface module, string? clock, string? reset, string whose)
    {
        if (clock is not null && module.Find(clock) is null) return Missing("clock", clock, module, whose);
        if (reset is not null && module.Find(reset) is null) return Missing("reset", reset, module, whose);
        return null;
    }

    private static string Missing(string role, string name, ModuleInterface module, string whose) =>
        $"the {role} is named '{name}', but {whose} {module.Top} has no port of that name " +
        $"(its ports: {string.Join(", ", module.Ports.Select(p => p.Name))})";
}
