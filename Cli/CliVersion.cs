using System.Reflection;

namespace HwForge.Cli;

/// <summary>HwForge's own version, as tools that read its output (SARIF, MCP clients) are told it.</summary>
internal static class CliVersion
{
    public static string Text { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(CliVersion).Assembly.GetName().Version?.ToString() ?? "0";
}
