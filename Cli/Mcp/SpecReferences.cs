using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HwForge.Cli.Mcp;

/// <summary>
/// The files a spec file names beside it (<c>reference: x.v</c>, <c>reference: {rtl: [a.v], model: m.cpp}</c>,
/// <c>reference_model: m.cpp</c>), each taken from the spec's folder as the spec reader takes it. The design tool holds
/// them to the client's roots before the run reads them: a spec inside the workspace must not reach a file outside it.
/// </summary>
internal static class SpecReferences
{
    /// <summary>The paths named, as written; a spec that is not YAML names none here (the spec reader says what is wrong).</summary>
    public static IReadOnlyList<string> Named(string specPath)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(specPath);
            stream.Load(reader);
        }
        catch (Exception e) when (e is YamlException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
        if (stream.Documents is not [{ RootNode: YamlMappingNode root }, ..]) return [];
        var names = new List<string>();
        foreach (var (key, value) in root.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "reference_model": Scalars(value, names); break;
                case "reference" when value is YamlMappingNode map:
                    foreach (var (inner, files) in map.Children)
                        if ((inner as YamlScalarNode)?.Value is "rtl" or "model") Scalars(files, names);
                    break;
                case "reference": Scalars(value, names); break;
            }
        }
        return names;
    }

    private static void Scalars(YamlNode node, List<string> names)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } name }) names.Add(name);
        else if (node is YamlSequenceNode list) foreach (var item in list.Children) Scalars(item, names);
    }
}
