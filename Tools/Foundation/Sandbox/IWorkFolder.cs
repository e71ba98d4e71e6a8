namespace HwForge.Tools.Foundation.Sandbox;

/// <summary>Where a run's input files are staged and its output files read back.</summary>
internal interface IWorkFolder
{
    /// <summary>Stages a file under <paramref name="relativeName"/> (folders in the name are made).</summary>
    void Write(string relativeName, ReadOnlySpan<byte> content);

    /// <summary>A plain file the run left, or null; no symbolic link is followed on the way.</summary>
    byte[]? ReadOutput(string relativeName);

    /// <summary>
    /// Brings a caller's own folder into the run and returns how to bring the run's changes back, or
    /// null when the run works in that folder directly.
    /// </summary>
    FolderCopy? CopyIn(string hostFolder);
}
