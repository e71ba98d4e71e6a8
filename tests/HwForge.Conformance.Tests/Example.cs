using System.Text.Json;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;

namespace HwForge.Conformance.Tests;

/// <summary>
/// One folder of <c>examples/&lt;target&gt;/</c>: a reference named <c>ref.*</c> (in one of the target's file kinds)
/// and an <c>example.json</c> naming its top, its clock and reset when it has them, the equivalent versions that
/// must pass and the faulty versions that must fail, each with the mistake it makes.
/// </summary>
public sealed record Example(string Target, string Name, string Folder, string Top, DesignHints Hints,
    string ReferenceFile, IReadOnlyList<string> Equivalents, IReadOnlyList<Fault> Faults)
{
    /// <summary>Every example of a target, by name; none when the target has no folder yet.</summary>
    public static IReadOnlyList<Example> Of(ITarget target)
    {
        var root = Path.Combine(Repository.Examples, target.Name);
        if (!Directory.Exists(root)) return [];
        return [.. Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(folder => Read(target, folder))];
    }

    /// <summary>The example of that name, as the test data named it.</summary>
    public static Example Named(ITarget target, string name) =>
        Of(target).SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"no example {target.Name}/{name}");

    public DesignArtifact Design(string file) =>
        new(Target, Top, [SourceLoader.LoadOne(Path.Combine(Folder, file))]);

    public DesignReference Reference => DesignReference.Of(Design(ReferenceFile));

    public string MistakeOf(string file) => Faults.Single(f => f.File == file).Mistake;

    private static Example Read(ITarget target, string folder)
    {
        var name = Path.GetFileName(folder);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "example.json")));
        var root = manifest.RootElement;
        string? Text(string key) => root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var reference = target.FileKinds.Select(kind => "ref" + kind.Extension).FirstOrDefault(file => File.Exists(Path.Combine(folder, file)))
            ?? throw new InvalidOperationException(
                $"{folder} has no reference: name it ref{string.Join(" or ref", target.FileKinds.Select(k => k.Extension))}");
        var hints = new DesignHints
        {
            Clock = Text("clock"),
            Reset = Text("reset"),
            ResetActiveLow = root.TryGetProperty("resetActiveLow", out var low) && low.ValueKind is JsonValueKind.True or JsonValueKind.False ? low.GetBoolean() : null,
        };
        return new Example(target.Name, name, folder, Text("top") ?? name, hints, reference,
            [.. root.GetProperty("equivalents").EnumerateArray().Select(e => e.GetString()!)],
            [.. root.GetProperty("faults").EnumerateArray().Select(f => new Fault(f.GetProperty("file").GetString()!, f.GetProperty("mistake").GetString()!))]);
    }
}

/// <summary>A faulty version of an example and the mistake it makes.</summary>
public sealed record Fault(string File, string Mistake);

/// <summary>Paths in the checkout.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("Agents.sln not found above " + AppContext.BaseDirectory);
    }
}
