using System.Text;
using System.Text.Json.Serialization;

namespace HwForge.Tools.Targets;

/// <summary>
/// A kind of file a target reads: its extension, the language name people and models use, and the tags a fenced
/// code block in a model's answer may carry for it (<c>```cpp</c>).
/// </summary>
public sealed record FileKind(string Extension, string Language, IReadOnlyList<string> FenceTags)
{
    /// <summary>The tag to write when HwForge itself fences code of this kind in a prompt.</summary>
    public string Fence => FenceTags.Count > 0 ? FenceTags[0] : "";

    /// <summary>How the web UI highlights this kind of file; null shows it plain.</summary>
    [JsonIgnore]
    public ICodeHighlighter? Highlighter { get; init; }

    /// <summary>How the knowledge base cuts a file of this kind into sections; null: the kind is not knowledge (a problem's YAML).</summary>
    [JsonIgnore]
    public ISourceSections? Sections { get; init; }

    // A person reads ToString (hwforge targets prints it): the highlighter and splitter are code, not something to show.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Extension = {Extension}, Language = {Language}, FenceTags = {FenceTags}");
        return true;
    }
}
