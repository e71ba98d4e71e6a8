using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HwForge.Agents.Llm;
using HwForge.Agents.Offline;
using HwForge.Agents.Roles;
using HwForge.Cli.Commands;
using HwForge.Tools.Foundation;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Foundation.Sources;

namespace HwForge.Cli;

/// <summary>
/// Builds the command tree and runs it, turning every expected failure into a one-line message and
/// exit code 2 (never a stack trace), and parse errors into usage help with exit code 2.
/// </summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("HwForge: an agentic hardware design assistant. Every tool runs inside a sandbox.")
        {
            CommonOptions.UnsafeNoSandbox,
            CommonOptions.NoCache,
        };
        root.Subcommands.Add(ToolsCommand.Create());
        root.Subcommands.Add(TargetsCommand.Create());
        root.Subcommands.Add(LintCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(PpaCommand.Create());
        root.Subcommands.Add(ModelHeaderCommand.Create());
        root.Subcommands.Add(DesignCommand.Create());
        root.Subcommands.Add(KbCommand.Create());
        root.Subcommands.Add(BatchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(McpCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(CoreCommand.Create());
        root.Subcommands.Add(CudaCommand.Create());
        WordNumberErrors(root);
        return root;
    }

    /// <summary>
    /// A number flag given something else is a usage error naming the flag ("--cycles takes a whole number"):
    /// System.CommandLine's own message names the .NET type (System.Int32).
    /// </summary>
    private static void WordNumberErrors(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> whole when whole.CustomParser is null:
                    whole.CustomParser = result => Number<int>(result, option.Name, "a whole number",
                        text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);
                    break;
                case Option<double> real when real.CustomParser is null:
                    real.CustomParser = result => Number<double>(result, option.Name, "a number",
                        text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null);
                    break;
            }
        }
        foreach (var sub in command.Subcommands) WordNumberErrors(sub);
    }

    private static T Number<T>(ArgumentResult result, string flag, string kind, Func<string, T?> parse) where T : struct
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (parse(text) is { } value) return value;
        result.AddError($"{flag} takes {kind}, not '{text}'");
        return default;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"hwforge: {problem.Message}");
            error.WriteLine($"Run 'hwforge {string.Join(' ', CommandPath(parse))} --help' for usage.");
            return ExitCodes.UsageOrInfrastructure;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellation);
        }
        catch (Exception e) when (Explain(e) is { } message)
        {
            error.WriteLine($"hwforge: {message}");
            return ExitCodes.UsageOrInfrastructure;
        }
    }

    /// <summary>What the command line adds to a library's "configure an LLM" advice (<see cref="LlmSetupAdvice"/>): its flags.</summary>
    internal const string CommandLineLlm =
        "On the command line: --llm-endpoint URL --model NAME (e.g. --llm-endpoint http://localhost:11434/v1 --model qwen2.5-coder:7b for Ollama).";

    /// <summary>The user-facing sentence for a failure HwForge expects; null lets a real bug surface.</summary>
    internal static string? Explain(Exception e) => e switch
    {
        // The library says what is wrong; only here is it worded with the flags that fix it.
        HwForgeException { Kind: ProblemKind.RunExists, Subject: { } folder } =>
            $"{e.Message}; continue it with 'hwforge design --resume {folder}' or choose another --out folder.",
        SandboxUnavailableException or ToolNotFoundException or SourceFileException or ArgumentException or HwForgeException => e.Message,
        LlmConfigurationException => $"{e.Message} {CommandLineLlm}",
        LlmException or OfflineCatalogException when LlmSetupAdvice.Advises(e.Message) => $"{e.Message} {CommandLineLlm}",
        LlmException or LlmAnswerException or OfflineCatalogException or InvalidDataException => e.Message,
        HwForge.Tools.Programs.Liberty.LibertyUnavailableException => e.Message,
        OperationCanceledException => "cancelled",
        IOException or UnauthorizedAccessException => e.Message,
        _ => Environment.GetEnvironmentVariable("HWFORGE_DEBUG") is null ? $"internal error: {e.Message} (set HWFORGE_DEBUG=1 for details)" : null,
    };

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is not null; result = (System.CommandLine.Parsing.CommandResult)result.Parent)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
