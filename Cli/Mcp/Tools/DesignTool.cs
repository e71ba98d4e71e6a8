using System.ComponentModel;
using HwForge.Agents;
using HwForge.Agents.Knowledge;
using HwForge.Agents.Llm;
using HwForge.Agents.Reports;
using HwForge.Agents.Runs;
using HwForge.Cli.Commands;
using HwForge.KnowledgeBase;
using HwForge.Tools.Foundation;
using HwForge.Tools.Programs;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace HwForge.Cli.Mcp.Tools;

/// <summary>
/// The MCP <c>design</c> tool: <c>hwforge design</c>, one progress notification per stage and candidate (the lines
/// the CLI prints on stderr), cancelled by the client's cancellation, returning the run's report. The run folder
/// is under HWFORGE_HOME/runs, and its report and final design are resources (hwforge://runs/{id}/...).
/// </summary>
[McpServerToolType]
internal static class DesignTool
{
    [McpServerTool(Name = "design", Title = "Design, verify and optimize a kernel", UseStructuredContent = true)]
    [Description("From a request in plain words (or a spec file) to a verified, PPA-scored design, with an LLM or the offline catalog; "
        + "long-running: progress notifications per stage and candidate, and it can be cancelled. Returns the run's report (status, best candidate, PPA, final design); "
        + "read hwforge://runs/{runId}/report and hwforge://runs/{runId}/design for the files.")]
    public static async Task<RunReport> Design(
        McpServer server, WorkspaceRoots roots, SharedToolHost shared, IProgress<ProgressNotificationValue> progress,
        [Description("What to build, in plain words, e.g. 'an 8-bit adder' (or give spec)")] string? request = null,
        [Description("A spec file (YAML) in the workspace, instead of a request")] string? spec = null,
        [Description("Run options by name, as 'hwforge design' flags without the dashes: candidates, rounds, optimize, batch, weights, clock_period, formal, accept, offline, seed, time_limit, ...")]
        Dictionary<string, string>? options = null,
        CancellationToken cancellation = default)
    {
        if (request is null && spec is null) throw new ArgumentException("say what to build: give a request (e.g. 'an 8-bit adder') or a spec file");
        var home = HwForgeHome.FromEnvironment();
        var specPath = spec is null ? null : await roots.ResolveAsync(server, spec, cancellation);
        if (specPath is not null)
        {
            // The files the spec names are read by the run: they are held to the roots as the spec itself is.
            var folder = Path.GetDirectoryName(specPath)!;
            foreach (var named in SpecReferences.Named(specPath))
            {
                try { await roots.ResolveAsync(server, Path.Combine(folder, named), cancellation); }
                catch (McpException e) { throw new McpException($"{spec}: its reference {named}: {e.Message}"); }
            }
        }
        var job = new DesignJob
        {
            Request = request,
            SpecPath = specPath,
            Options = await PathOptions.ResolveAsync(roots, server, options, cancellation),
        };
        var llm = LlmSettings.Resolve(job.Option("llm_endpoint"), job.Option("model"), home: home);
        var runOptions = job.ToRunOptions(llm);
        await using var run = RunFolder.Create(RunFolderNames.NewIn(home.Runs, runOptions), runOptions);
        var host = await shared.GetAsync(cancellation);
        var reported = 0;
        run.Events.Appended += e =>
        {
            if (ProgressPrinter.Line(e) is { } line) progress.Report(new ProgressNotificationValue { Progress = Interlocked.Increment(ref reported), Message = line.Trim() });
        };
        var versions = new ToolVersions(host);
        await using var knowledge = await KnowledgeStores.OpenDefaultAsync(home.Data, cancellation);
        var strategy = DesignStrategies.For(run.Options, llm, host, versions, new KnowledgePrompts(knowledge));
        try
        {
            return await new DesignRunner(host, versions, knowledge).RunAsync(run, strategy, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client asked to stop and reads no answer; the log says where the run is, to resume it.
            Console.Error.WriteLine($"hwforge mcp: design cancelled; the run so far is in {run.Path}: continue it with 'hwforge design --resume {run.Path}'");
            throw;
        }
    }
}
