using System.Collections.Concurrent;
using System.Reflection;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets.Rtl;

/// <summary>What the RTL target tells the models: Verilog modules matched cycle for cycle.</summary>
internal sealed class RtlPrompts : ITargetPrompts
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public string SearchTerms => "verilog";

    public string System(string role) => Loaded.GetOrAdd(role, static name =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Rtl.Prompts.{name}.md", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the RTL target has no prompt for the role '{name}'");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().Trim();
    });

    public string Task(string top, string description, DesignHints hints, DesignReference? reference)
    {
        var text = $"Module: {top}\nBehaviour: {description}\n";
        if (hints.Clock is not null)
            text += $"Clock: {hints.Clock}" + (hints.Reset is null ? "\n" : $", reset: {hints.Reset} ({(hints.ResetActiveLow == true ? "active low" : "active high")})\n");
        if (reference?.Design is { } design)
            text += $"\nThe reference your design must match cycle for cycle (same ports; you may restructure the logic):\n{Fenced(design.Files)}";
        else if (reference?.Model is { } model)
            text += $"\nThe C++ golden model your design must match cycle for cycle:\n```cpp\n{model.Source.Text.TrimEnd()}\n```\n";
        return text;
    }

    public string Ask(string top) => $"Write the module {top}.";

    private static string Fenced(IReadOnlyList<SourceFile> files) =>
        string.Concat(files.Select(f => $"```verilog\n{f.Text.TrimEnd()}\n```\n"));
}
