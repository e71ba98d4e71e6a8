using System.Text.Json.Serialization;

namespace HwForge.Tools.Foundation.Sources;

/// <summary>A design source the user or an agent handed in, read and checked once.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Larger sources are refused: no hand-written or generated RTL HwForge serves is this big.</summary>
    public const long MaxBytes = 8L << 20;

    /// <summary>
    /// The folder of a tool's work folder that sources are staged in. HwForge's own files (scripts,
    /// harnesses' data, traces, netlists) sit beside it, never in it, so no source name can take one.
    /// </summary>
    public const string Folder = "src";

    /// <summary>The name without its folders, as an <c>`include</c> names it.</summary>
    [JsonIgnore] // derived from Path; a saved source is its path and text
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The name it is staged under in a tool's work folder (relative to it).</summary>
    [JsonIgnore]
    public string StagedName => $"{Folder}/{FileName}";
}

/// <summary>Why a source could not be used; the message is meant for the user as is.</summary>
public sealed class SourceFileException(string message) : Exception(message);
