using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Targets;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HwForge.Agents.Design;

/// <summary>
/// Reads a spec file (YAML, so JSON too). Unknown keys are errors naming the line, so a typo such as
/// <c>refrence:</c> is caught before a run starts rather than silently ignored. Errors name the file, line and
/// column and what was expected, and never quote the file (see <see cref="YamlProblems"/>).
/// </summary>
internal static class SpecFile
{
    private static readonly string[] Keys =
    [
        "name", "target", "request", "family", "parameters", "top", "description",
        "reference", "reference_top", "reference_model", "clock", "reset", "reset_active_low",
    ];

    public static SpecInput Load(string path)
    {
        var source = SourceLoader.LoadOne(path);
        return Parse(source.Text, path);
    }

    public static SpecInput Parse(string text, string path)
    {
        var baseFolder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var values = new Dictionary<string, (YamlNode Key, YamlNode Value)>();
        foreach (var (keyNode, value) in Root(text, path).Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(key))
                throw new HwForgeException(ProblemKind.InvalidInput, YamlProblems.UnknownKey(path, keyNode.Start, key, "a spec file", Keys));
            values[key] = (keyNode, value);
        }
        string? Text(string key) => values.TryGetValue(key, out var entry) ? (entry.Value as YamlScalarNode)?.Value
            ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, entry.Value.Start)}: '{key}' must be a single value") : null;

        var reference = SpecReference.Read(values, path, baseFolder);
        var input = new SpecInput
        {
            Name = Text("name"),
            Target = Text("target") is { } target ? Target(target, values["target"].Value, path) : TargetRegistry.DefaultName,
            // A pasted prompt brings blank lines around it; they say nothing.
            Request = Text("request")?.Trim(),
            Family = Text("family"),
            Parameters = values.TryGetValue("parameters", out var p) ? Parameters(p.Value, path) : null,
            Top = Text("top"),
            Description = Text("description")?.Trim(),
            ReferenceTop = reference.Top,
            ReferenceFiles = reference.Files,
            ReferenceModel = reference.Model,
            Clock = Text("clock"),
            Reset = Text("reset"),
            ResetActiveLow = Text("reset_active_low") is { } low ? Boolean(low, values["reset_active_low"].Value, path) : null,
        };
        if (input.Request is null && input.Family is null && !input.HasUserReference)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{path}: say what to build: 'request', or 'family' with 'parameters', or 'top' with a 'reference'");
        if (input.HasUserReference && input.Top is null)
            throw new HwForgeException(ProblemKind.InvalidInput, $"{path}: a spec with a reference must name the design's 'top' module");
        return input;
    }

    private static YamlMappingNode Root(string text, string path)
    {
        try
        {
            var stream = YamlText.Load(text);
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode map
                ? map
                : throw new HwForgeException(ProblemKind.InvalidInput,
                    $"{(stream.Documents.Count > 0 ? YamlProblems.At(path, stream.Documents[0].RootNode.Start) : path)}: a spec file is one mapping of keys ({string.Join(", ", Keys)})");
        }
        catch (YamlException e)
        {
            throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, e.Start)}: {YamlProblems.Describe(e)}; a spec file is one mapping of keys ({string.Join(", ", Keys)})");
        }
    }

    // The value is not repeated: it is the file's text, and the known names are all a reader needs.
    private static string Target(string text, YamlNode node, string path) => KnownTargets.IsKnown(text.ToLowerInvariant())
        ? text.ToLowerInvariant()
        : throw new HwForgeException(ProblemKind.UnknownTarget, $"{YamlProblems.At(path, node.Start)}: unknown target; HwForge knows {string.Join(", ", KnownTargets.Names)}");

    private static bool Boolean(string text, YamlNode node, string path) => bool.TryParse(text, out var value)
        ? value
        : throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, node.Start)}: 'reset_active_low' must be true or false");

    private static Dictionary<string, string> Parameters(YamlNode node, string path) => node is YamlMappingNode map
        ? map.Children.ToDictionary(
            c => (c.Key as YamlScalarNode)?.Value ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, c.Key.Start)}: parameter names are single words such as width"),
            c => (c.Value as YamlScalarNode)?.Value ?? throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, c.Value.Start)}: parameter values are single values"))
        : throw new HwForgeException(ProblemKind.InvalidInput, $"{YamlProblems.At(path, node.Start)}: 'parameters' is a mapping such as {{width: 16, signed: true}}");
}
