using System.Runtime.InteropServices;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp;

/// <summary>
/// Where a tool call may read: the client's roots when it offers them, else the folder the server was started in.
/// A relative path is taken from the first root; any path, once its links are followed, must lie inside a root,
/// so neither "../" nor a symbolic link reaches the rest of the machine.
/// </summary>
// Roots are deprecated by the 2026-07-28 specification, but the editors of today (VS Code, Cursor, Claude Code) send
// them, and they are how a server learns which folders it may read; the working folder covers clients without them.
#pragma warning disable MCP9005
internal sealed class WorkspaceRoots(McpServerSettings settings)
{
    public async Task<IReadOnlyList<string>> ListAsync(McpServer server, CancellationToken cancellation)
    {
        if (server.ClientCapabilities?.Roots is null) return [RealPath(settings.WorkingFolder)];
        var answer = await server.RequestRootsAsync(new ListRootsRequestParams(), cancellation);
        var roots = answer.Roots
            .Select(r => Uri.TryCreate(r.Uri, UriKind.Absolute, out var uri) && uri.IsFile ? RealPath(uri.LocalPath) : null)
            .OfType<string>().ToList();
        // A client that offers roots but lists none (or none on disk) has opened no folder: nothing may be read.
        return roots.Count > 0 ? roots : throw new McpException("the client lists no folder roots; open a folder in the editor first");
    }

    /// <summary>The full path of <paramref name="path"/>, refused when it lies outside every root.</summary>
    public async Task<string> ResolveAsync(McpServer server, string path, CancellationToken cancellation)
    {
        var roots = await ListAsync(server, cancellation);
        return Resolve(roots, path);
    }

    public async Task<string[]> ResolveAllAsync(McpServer server, IEnumerable<string> paths, CancellationToken cancellation)
    {
        var roots = await ListAsync(server, cancellation);
        return [.. paths.Select(p => Resolve(roots, p))];
    }

    internal static string Resolve(IReadOnlyList<string> roots, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new McpException("a path is empty; name a file inside the workspace");
        var full = RealPath(Path.GetFullPath(path, roots[0]));
        if (roots.Any(root => Inside(full, root))) return full;
        throw new McpException($"{path}: outside the folders this server may read ({string.Join(", ", roots)}); name a file inside them");
    }

    private static bool Inside(string path, string root) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);

    // A path that does not exist has its deepest existing folder's links followed and the rest appended, so a missing
    // file under a link to elsewhere is judged by where the link leads (SourceLoader then says "no such file").
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = realpath(full, 0);
        if (resolved != 0)
        {
            try { return Marshal.PtrToStringUTF8(resolved)!; }
            finally { free(resolved); }
        }
        var parent = Path.GetDirectoryName(full);
        return parent is null || parent == full ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern nint realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, nint resolved);

    [DllImport("libc")]
    private static extern void free(nint pointer);
}
