namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// One program run, described as an immutable value. Running it is a separate step
/// (<see cref="ProcessRunner"/>, <see cref="ProcessStreaming"/>), and confining it is a
/// transformation of this value (<see cref="Foundation.Sandbox.ISandbox"/>), not a subclass.
/// </summary>
public sealed record ToolInvocation
{
    public ToolInvocation(string program, IEnumerable<string> arguments)
    {
        Program = program;
        Arguments = [.. arguments];
    }

    /// <summary>The executable, by name (looked up on PATH) or by absolute path.</summary>
    public string Program { get; init; }

    public IReadOnlyList<string> Arguments { get; init; }

    /// <summary>
    /// A caller's own host folder. Under bubblewrap the program never sees it: its files are copied into
    /// the run's /work and what the run changed is copied back (<see cref="ToolHost.StreamAsync"/>);
    /// an unconfined run works in it directly. Tool steps leave it unset and stage their inputs instead.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set. The sandbox starts from an empty environment, so these are all there is.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;

    /// <summary>Host files or folders the program may read, visible at the same path (a liberty file, say).</summary>
    public IReadOnlyList<string> ReadOnlyPaths { get; init; } = [];

    /// <summary>
    /// Host device nodes the program may open read-write (a GPU's <c>/dev/nvidia*</c>, for a bench runner, which must
    /// reach the GPU to time it); none otherwise. Such a run always gets a sandbox of its own.
    /// </summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>Text written to standard input; when null, standard input is closed at once.</summary>
    public string? StandardInput { get; init; }

    public ToolInvocation WithArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. arguments] };

    public ToolInvocation WithWorkingDirectory(string directory) => this with { WorkingDirectory = directory };

    public ToolInvocation WithLimits(ResourceLimits limits) => this with { Limits = limits };

    public ToolInvocation WithEnvironment(string name, string value) =>
        this with { Environment = new Dictionary<string, string>(Environment) { [name] = value } };

    /// <summary>A shell-like rendering for logs and error messages (never executed).</summary>
    public override string ToString() =>
        string.Join(' ', new[] { Program }.Concat(Arguments).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";
}
