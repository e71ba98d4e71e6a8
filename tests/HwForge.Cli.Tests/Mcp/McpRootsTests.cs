namespace HwForge.Cli.Tests.Mcp;

/// <summary>A client that offers roots (an editor's open folders) bounds what the server may read to them.</summary>
public sealed class McpRootsTests
{
    [Fact]
    public async Task Only_files_inside_the_clients_roots_are_read_and_relative_paths_start_at_the_first_root()
    {
        await using var server = await McpStdioServer.StartAsync(s => [Path.Combine(s.Workspace, "project")]);
        Directory.CreateDirectory(Path.Combine(server.Workspace, "project"));
        server.WriteFile("project/ok.v", "module ok(input a, output y);\n  assign y = a;\nendmodule\n");
        server.WriteFile("beside.v", "module beside(input a, output y);\n  assign y = a;\nendmodule\n");
        // A link inside the root to a file outside it is followed, and so refused.
        File.CreateSymbolicLink(Path.Combine(server.Workspace, "project", "link.v"), Path.Combine(server.Workspace, "beside.v"));

        Assert.True((await server.CallAsync("lint", new() { ["files"] = new[] { "ok.v" } })).Structured().GetProperty("clean").GetBoolean());
        // So is a folder linked to outside, for a file there and for a file that is not there (yet).
        Directory.CreateSymbolicLink(Path.Combine(server.Workspace, "project", "elsewhere"), server.Workspace);
        foreach (var path in new[] { "../beside.v", Path.Combine(server.Workspace, "beside.v"), "link.v", "elsewhere/beside.v", "elsewhere/missing.v" })
        {
            var refused = await server.CallAsync("lint", new() { ["files"] = new[] { path } });
            Assert.True(refused.IsError, path);
            Assert.Contains("outside the folders this server may read", refused.Text());
        }
    }
}
