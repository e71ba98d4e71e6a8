using System.Collections.Concurrent;
using System.Reflection;

namespace HwForge.Agents.Roles;

/// <summary>The roles' system prompts, each in its own Markdown file under Roles/Prompts, embedded in the assembly.</summary>
public static class PromptLibrary
{
    private static readonly ConcurrentDictionary<string, string> Loaded = new();

    public static string Get(string name) => Loaded.GetOrAdd(name, static n =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith($".Prompts.{n}.md", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"prompt '{n}' is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd().Trim();
    });
}
