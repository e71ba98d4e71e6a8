namespace HwForge.Tools.Targets;

/// <summary>
/// A kind of file a target reads: its extension, the language name people and models use, and the tags a fenced
/// code block in a model's answer may carry for it (<c>```verilog</c>, <c>```cpp</c>).
/// </summary>
public sealed record FileKind(string Extension, string Language, IReadOnlyList<string> FenceTags)
{
    /// <summary>The tag to write when HwForge itself fences code of this kind in a prompt.</summary>
    public string Fence => FenceTags.Count > 0 ? FenceTags[0] : "";
}
