using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Sources;
using YamlDotNet.RepresentationModel;

namespace HwForge.Agents.Design;

/// <summary>
/// The reference a spec file names, in either of its two forms: a map (<c>reference: {rtl: [a.v, b.v], top: NAME}</c>
/// or <c>reference: {model: file.cpp}</c>), or the flat keys <c>reference</c>, <c>reference_top</c> and
/// <c>reference_model</c> of earlier spec files. Mixing the forms, or naming RTL files and a model at once, is an error
/// at the key that mixes them: one of the two would otherwise be silently ignored.
/// </summary>
internal sealed record SpecReference(IReadOnlyList<SourceFile>? Files, string? Top, string? Model)
{
    public static readonly string[] MapKeys = ["rtl", "top", "model"];

    private const string MapShape = "{rtl: [a.v, b.v], top: NAME} or {model: file.cpp}";

    /// <summary>The reference of a spec file's top-level keys (with their key nodes, for where an error is).</summary>
    public static SpecReference Read(IReadOnlyDictionary<string, (YamlNode Key, YamlNode Value)> keys, string path, string baseFolder)
    {
        var reader = new Reader(path, baseFolder);
        keys.TryGetValue("reference_top", out var flatTop);
        keys.TryGetValue("reference_model", out var flatModel);
        if (keys.TryGetValue("reference", out var reference) && reference.Value is YamlMappingNode map)
        {
            if (flatTop.Key is not null)
                throw reader.Error(flatTop.Key, "'reference_top' cannot stand beside a 'reference' map; give the top inside it as 'top'");
            if (flatModel.Key is not null)
                throw reader.Error(flatModel.Key, "'reference_model' cannot stand beside a 'reference' map; give the model inside it as 'model'");
            return reader.FromMap(map);
        }
        if (reference.Value is not null and not YamlScalarNode)
            throw reader.Error(reference.Value, $"'reference' is a file of the design's sources, or a map such as {MapShape}");
        if (reference.Value is not null && flatModel.Key is not null)
            throw reader.Error(flatModel.Key, "give one reference: 'reference' (the design's sources) or 'reference_model' (a C++ model), not both");
        return new SpecReference(
            reference.Value is null ? null : [reader.Load(reference.Value)],
            flatTop.Value is null ? null : reader.Scalar(flatTop.Value, "reference_top"),
            flatModel.Value is null ? null : reader.Load(flatModel.Value).Text);
    }

    private sealed class Reader(string path, string baseFolder)
    {
        public SpecReference FromMap(YamlMappingNode map)
        {
            YamlNode? rtl = null, top = null, model = null;
            foreach (var (keyNode, value) in map.Children)
            {
                switch ((keyNode as YamlScalarNode)?.Value)
                {
                    case "rtl": rtl = value; break;
                    case "top": top = value; break;
                    case "model": model = value; break;
                    case var key: throw new HwForgeException(ProblemKind.InvalidInput, YamlProblems.UnknownKey(path, keyNode.Start, key, "the 'reference' map", MapKeys));
                }
                if (rtl is not null && model is not null)
                    throw Error(keyNode, "a reference is RTL files ('rtl') or a C++ model ('model'), not both");
            }
            if (rtl is null && model is null) throw Error(map, $"the 'reference' map names its files: {MapShape}");
            return new SpecReference(
                rtl is null ? null : Files(rtl),
                top is null ? null : Scalar(top, "top"),
                model is null ? null : Load(model).Text);
        }

        public string Scalar(YamlNode node, string key) =>
            (node as YamlScalarNode)?.Value ?? throw Error(node, $"'{key}' must be a single value");

        public SourceFile Load(YamlNode node)
        {
            var relative = node is YamlScalarNode { Value: { Length: > 0 } name } ? name
                : throw Error(node, node is YamlScalarNode ? "the file name is empty" : "a reference file is one file name");
            try
            {
                return SourceLoader.LoadOne(Path.Combine(baseFolder, relative));
            }
            catch (SourceFileException e)
            {
                // The loader's words name the file and what is wrong with it, never its contents.
                throw Error(node, e.Message);
            }
        }

        public HwForgeException Error(YamlNode node, string message) => new(ProblemKind.InvalidInput, $"{YamlProblems.At(path, node.Start)}: {message}");

        private List<SourceFile> Files(YamlNode node)
        {
            if (node is YamlScalarNode) return [Load(node)];
            if (node is not YamlSequenceNode { Children.Count: > 0 } list)
                throw Error(node, "'rtl' is an RTL file or a list of them, such as [a.v, b.v]");
            var files = new List<SourceFile>();
            foreach (var item in list.Children)
            {
                var file = Load(item);
                // Tools stage sources by file name (SourceLoader.Load refuses two of one name): refused here, at its line.
                if (files.Any(f => f.FileName == file.FileName))
                    throw Error(item, "this file has the name of one listed before it; rename one");
                files.Add(file);
            }
            return files;
        }
    }
}
