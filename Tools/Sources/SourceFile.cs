namespace HwForge.Tools.Sources;

/// <summary>A design source the user or an agent handed in, read and checked once.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Larger sources are refused: no hand-written or generated RTL HwForge serves is this big.</summary>
    public const long MaxBytes = 8L << 20;

    /// <summary>The name it is staged under in a tool's work folder.</summary>
    public string StagedName => System.IO.Path.GetFileName(Path);
}

/// <summary>Why a source could not be used; the message is meant for the user as is.</summary>
public sealed class SourceFileException(string message) : Exception(message);
