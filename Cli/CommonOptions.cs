using System.CommandLine;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sandbox;
using HwForge.Tools.Targets;

namespace HwForge.Cli;

/// <summary>Options several commands share, defined once.</summary>
public static class CommonOptions
{
    public static Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object for programs instead of text" };

    /// <summary>Loudly named on purpose: it turns off the containment of untrusted code.</summary>
    public static Option<bool> UnsafeNoSandbox { get; } = new(HwForge.Tools.Foundation.Sandbox.UnsafeNoSandbox.OptionName)
    {
        Description = "DANGEROUS: run tools and generated code WITHOUT the bubblewrap sandbox",
        Recursive = true,
    };

    /// <summary>
    /// Lowers the bar for exit 0 explicitly, from "proven" to a bounded check or simulation; the result still says
    /// it is not proven. A value that is not a level is a usage error naming the levels.
    /// </summary>
    public static Option<Assurance?> Accept { get; } = new("--accept")
    {
        Description = "Also exit 0 when equivalence is only bounded or simulated (not proven); the report still says 'not proven'",
        HelpName = "bounded|simulated",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (AssuranceText.Parse(text) is { } level) return level;
            result.AddError($"--accept takes bounded or simulated (or proven, the default), not '{text}'");
            return null;
        },
    };

    /// <summary>
    /// A flag whose value is one of an enum's members, written in lower case; a value that is not one is a usage
    /// error naming the flag and the allowed values (System.CommandLine's own message names the .NET type).
    /// </summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue) where T : struct, Enum
    {
        var allowed = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', allowed),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text.FirstOrDefault())) return value;
                var choices = allowed.Length == 1 ? allowed[0] : $"{string.Join(", ", allowed[..^1])} or {allowed[^1]}";
                result.AddError($"{name} takes {choices}, not '{text}'");
                return defaultValue;
            },
        };
    }

    /// <summary><c>--format text|json|sarif</c> for the commands an editor or CI reads (lint, verify); <c>--json</c> is <c>--format json</c>.</summary>
    public static Option<OutputFormat> Format { get; } = Choice("--format", "text for people, json for programs, sarif for code scanning and SARIF viewers", OutputFormat.Text);

    /// <summary>The format asked for, by --format or by --json.</summary>
    public static OutputFormat FormatOf(ParseResult parse) => parse.GetValue(Json) ? OutputFormat.Json : parse.GetValue(Format);

    public static Option<bool> NoCache { get; } = new("--no-cache") { Description = "Run the tools even when a cached result exists", Recursive = true };

    /// <summary>The host for a command; dispose it, which drains its sandbox pool.</summary>
    /// <param name="pooled">For commands of several tool runs (verify, ppa, sandbox check): keep warm sandboxes ready.</param>
    public static Task<ToolHost> CreateHostAsync(ParseResult parse, bool pooled = false) =>
        ToolHost.CreateAsync(parse.GetValue(UnsafeNoSandbox), useCache: !parse.GetValue(NoCache), pooled);

    /// <summary>Says on stderr, every time, that the sandbox is off.</summary>
    public static void WarnIfUnconfined(ToolHost host, TextWriter error)
    {
        if (!host.Sandbox.Confines)
            error.WriteLine("WARNING: running tools WITHOUT the sandbox (--unsafe-no-sandbox): generated code can harm this machine.");
    }
}

/// <summary>How lint and verify print their result.</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
}
