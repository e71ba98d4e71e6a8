using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp;

/// <summary>
/// Option values that name a file or folder on the machine (HLS's <c>hls_include</c>, a <c>liberty</c> .lib path) are
/// paths like any other: taken from the first root and held inside the roots, so a tool's options cannot read what
/// its file arguments may not. Every other value is a word or a number and passes through as it is.
/// </summary>
internal static class PathOptions
{
    // The shipped options whose value may be a path; a new one of that kind belongs here.
    private static readonly Dictionary<string, Func<string, bool>> Paths = new(StringComparer.Ordinal)
    {
        ["hls_include"] = value => value != "builtin",
        ["liberty"] = IsLibertyPath,
    };

    /// <summary>Whether a liberty value is a file rather than one of the shipped libraries' names.</summary>
    public static bool IsLibertyPath(string value) =>
        value.Contains('/') || value.EndsWith(".lib", StringComparison.Ordinal) || value.EndsWith(".lib.gz", StringComparison.Ordinal);

    public static async Task<Dictionary<string, string>> ResolveAsync(WorkspaceRoots roots, McpServer server,
        IReadOnlyDictionary<string, string>? options, CancellationToken cancellation)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
            resolved[name] = Paths.TryGetValue(name, out var isPath) && isPath(value) ? await roots.ResolveAsync(server, value, cancellation) : value;
        return resolved;
    }
}
