using System.CommandLine;
using System.Security.Cryptography;
using HwForge.Cli.Watch;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Targets;
using HwForge.Tools.Targets.Rtl.Judge;
using HwForge.Tools.Targets.Rtl;

namespace HwForge.Cli.Commands;

/// <summary>
/// <c>hwforge watch PATH... --top NAME [--ref REF...]</c>: lints again (and verifies again, given a reference) on every
/// save, printing <c>file:line:col: severity: message</c> lines between a "checking" line and a one-line verdict, which
/// is what an editor's background problem matcher reads. Saves are debounced, a save that changed nothing starts
/// nothing, and the tools' cache answers for files that are back to a state already checked. Ctrl+C stops it.
/// </summary>
public static class WatchCommand
{
    // The RTL target's file kinds, headers included: a saved header changes what its includers lint to.
    private static readonly HashSet<string> SourceExtensions = new(
        TargetRegistry.ShippedFileKinds[TargetRegistry.DefaultName].Select(kind => kind.Extension), StringComparer.OrdinalIgnoreCase);

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = RtlWords.Sources + " files, or folders whose " + RtlWords.Extensions + " files are watched", Arity = ArgumentArity.OneOrMore };
        var top = new Option<string>("--top") { Description = "The top module", Required = true };
        var reference = new Option<string[]>("--ref") { Description = "Also verify against this reference on every save", AllowMultipleArgumentsPerToken = true };
        var referenceTop = new Option<string?>("--ref-top") { Description = "The reference's top module (default: --top)" };
        var debounce = new Option<int>("--debounce") { Description = "Milliseconds of quiet after a save before checking", DefaultValueFactory = _ => 300 };
        var command = new Command("watch", "Lint (and verify, with --ref) again on every save, printing problem-matcher lines and a one-line verdict")
        {
            paths, top, reference, referenceTop, debounce,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(debounce) is < 0 or > 60_000) throw new ArgumentException("--debounce must be between 0 and 60000 milliseconds");
            var given = parse.GetValue(paths)!.Select(Path.GetFullPath).ToList();
            foreach (var path in given)
                if (!File.Exists(path) && !Directory.Exists(path)) throw new ArgumentException($"{path}: no such file or folder");
            var references = (parse.GetValue(reference) ?? []).Select(Path.GetFullPath).ToList();
            var output = parse.InvocationConfiguration.Output;
            using var host = await CommonOptions.CreateHostAsync(parse, pooled: true);
            CommonOptions.WarnIfUnconfined(host, parse.InvocationConfiguration.Error);
            var folders = given.Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!).Concat(references.Select(r => Path.GetDirectoryName(r)!));
            using var changes = new DebouncedChanges(folders, p => Watched(given, references, p), TimeSpan.FromMilliseconds(parse.GetValue(debounce)));
            var check = new WatchCheck(host, output, parse.GetValue(top)!, references, parse.GetValue(referenceTop));
            string? lastState = null;
            try
            {
                while (true)
                {
                    var files = Sources(given);
                    // Editors save on focus loss and touch files: the same bytes as last time need no new check.
                    var state = Fingerprint(files.Concat(references));
                    if (state != lastState)
                    {
                        lastState = state;
                        await check.RunAsync(files, cancellation);
                    }
                    await changes.WaitAsync(cancellation);
                }
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static List<string> Sources(IEnumerable<string> given) =>
        [.. given.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p).Where(f => SourceExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal)
            : [p])];

    private static bool Watched(IReadOnlyList<string> given, IReadOnlyList<string> references, string path) =>
        given.Contains(path) || references.Contains(path)
        || (SourceExtensions.Contains(Path.GetExtension(path)) && given.Contains(Path.GetDirectoryName(path)!));

    private static string Fingerprint(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\0"));
            try { hash.AppendData(File.ReadAllBytes(file)); }
            catch (IOException) { hash.AppendData("missing"u8); }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>One check: lint, then (with a reference, and no lint error) verify; what the problem matcher reads.</summary>
    private sealed class WatchCheck(ToolHost host, TextWriter output, string top, IReadOnlyList<string> references, string? referenceTop)
    {
        public const string Begin = "hwforge watch: checking";

        public async Task RunAsync(IReadOnlyList<string> files, CancellationToken cancellation)
        {
            output.WriteLine($"{Begin} {files.Count} file(s) at {DateTime.Now:HH:mm:ss}");
            string verdict;
            try
            {
                verdict = await CheckAsync(files, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException && CliApp.Explain(e) is { } message)
            {
                // A file mid-save (empty, half-written) is a message, not the end of the watch.
                verdict = $"error: {message}";
            }
            output.WriteLine($"hwforge watch: {verdict}");
            output.Flush();
        }

        private async Task<string> CheckAsync(IReadOnlyList<string> files, CancellationToken cancellation)
        {
            var versions = new ToolVersions(host);
            var lint = await VerilatorLint.RunAsync(host, versions, SourceLoader.Load(files), top, cancellation);
            foreach (var diagnostic in lint.Diagnostics) output.WriteLine(diagnostic.ToCompilerLine());
            if (LintCommand.LimitProblem(lint) is { } problem) return $"error: {problem}";
            var linted = $"{lint.Errors} error(s), {lint.Warnings} warning(s){(lint.FromCache ? " (cached)" : "")}";
            if (lint.HasErrors) return $"lint failed: {linted}";
            if (references.Count == 0) return $"lint clean: {linted}";
            var request = new RtlVerifyArguments(files, top, references, referenceTop).ToRequest();
            var report = await new Verifier(host, versions).VerifyAsync(request, cancellation);
            var cached = report.FromCache ? " (cached)" : "";
            return report.Verdict switch
            {
                Verdict.Pass when report.Verified => $"verified: {report.Shown}{cached}",
                Verdict.Pass => $"not proven: {report.Shown}{cached}",
                Verdict.Fail => $"FAIL: {report.Summary}{(report.FirstMismatch is { } m ? $"; first mismatch: {m.Describe()}" : "")}{cached}",
                _ => $"error: {report.Summary}{cached}",
            };
        }
    }
}
