using System.Text.Json.Serialization;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Tools.Targets;

/// <summary>
/// A design in the language of a target: its files, the top (module, function or entry point) and the name of
/// the target that reads it. Everything above the targets (supervisor, roles, run folder, reports, web UI, CLI)
/// moves designs as artifacts and never looks inside the files.
/// </summary>
public sealed record DesignArtifact(string Target, string Top, IReadOnlyList<SourceFile> Files)
{
    /// <summary>The first file, which holds the top for every single-file design.</summary>
    [JsonIgnore]
    public SourceFile Main => Files.Count > 0 ? Files[0] : throw new InvalidOperationException("an artifact has at least one file");

    /// <summary>Lines of code, for events and tables.</summary>
    [JsonIgnore]
    public int Lines => Files.Sum(f => f.Text.Count(ch => ch == '\n') + (f.Text.EndsWith('\n') ? 0 : 1));

    /// <summary>One file with its text, the common case of a generated design.</summary>
    public static DesignArtifact Single(string target, string top, string fileName, string text) =>
        new(target, top, [SourceLoader.FromText(fileName, text)]);
}
