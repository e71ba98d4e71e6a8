namespace HwForge.Cli.Mcp;

/// <summary>What a server was started with: the root flags it passes on to every tool, and the folder it was started in.</summary>
/// <param name="WorkingFolder">Paths are resolved against it, and may not leave it, when the client names no roots.</param>
internal sealed record McpServerSettings(bool UnsafeNoSandbox, bool UseCache, string WorkingFolder);
