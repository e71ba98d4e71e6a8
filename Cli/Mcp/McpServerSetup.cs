using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using HwForge.Cli.Mcp.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace HwForge.Cli.Mcp;

/// <summary>What both transports serve: the tools, the run resources, the error filter and the services they share.</summary>
internal static class McpServerSetup
{
    public const string Name = "hwforge";

    // Results read as the CLI's --json does: camelCase, enums as words.
    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // The SDK's own types from its generated metadata, HwForge's reports by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(McpJsonUtilities.DefaultOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
    };

    public static IMcpServerBuilder AddHwForge(this IServiceCollection services, McpServerSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SharedToolHost>();
        services.AddSingleton<WorkspaceRoots>();
        return services
            .AddMcpServer(o => o.ServerInfo = new Implementation { Name = Name, Version = CliVersion.Text })
            .WithTools([typeof(LintTool), typeof(VerifyTool), typeof(PpaTool), typeof(DesignTool), typeof(KbSearchTool), typeof(TargetsTool), typeof(VerifyTargetTool)], ResultJson)
            .WithResources([typeof(RunResources)])
            .WithRequestFilters(f => f.AddCallToolFilter(ToolErrorFilter.Wrap));
    }
}
