namespace HwForge.Tools.Foundation;

/// <summary>What kind of problem a <see cref="HwForgeException"/> reports, for programs that react to it.</summary>
public enum ProblemKind
{
    /// <summary>Input a user (or a model writing for one) gave is wrong: a spec, an option, a file.</summary>
    InvalidInput,

    /// <summary>A target name no target has.</summary>
    UnknownTarget,

    /// <summary>An option the chosen target does not understand, or a value it does not accept.</summary>
    UnsupportedOption,

    /// <summary>A folder a new run was to start in already holds a run (the <see cref="HwForgeException.Subject"/>): continue it, or choose another.</summary>
    RunExists,
}

/// <summary>
/// The one exception library code throws for a problem the user can fix. Its message is for the user as is: it
/// names what was wrong in their terms, never a CLI flag (only the CLI knows flags) and never file contents.
/// Anything else that escapes is a bug, reported as an internal error.
/// </summary>
public sealed class HwForgeException(ProblemKind kind, string message) : Exception(message)
{
    public ProblemKind Kind { get; } = kind;

    /// <summary>The input at fault (a path, a name), so an edge can word its own advice around it.</summary>
    public string? Subject { get; init; }
}
