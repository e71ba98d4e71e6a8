namespace HwForge.Agents.Batch;

/// <summary>
/// How to start <c>hwforge</c> again from inside it, for child jobs and Slurm tasks: the native launcher when
/// the process is one, otherwise <c>dotnet hwforge.dll</c> from the same folder, so a batch always runs the
/// very build it was started from.
/// </summary>
public sealed record HwForgeEntry(string FileName, IReadOnlyList<string> Prefix)
{
    public static HwForgeEntry Current()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var dll = Path.Combine(AppContext.BaseDirectory, "hwforge.dll");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? new HwForgeEntry(process, [dll])
            : new HwForgeEntry(process, []);
    }

    /// <summary>The whole command line, quoted for a POSIX shell (for Slurm's batch script).</summary>
    public string ShellCommand(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { FileName }.Concat(Prefix).Concat(arguments).Select(ShellQuote));

    public static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''") + "'";
}
