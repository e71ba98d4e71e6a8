using System.Text;
using HwForge.Tools.Foundation.Diagnostics;
using HwForge.Tools.Foundation.Execution;
using HwForge.Tools.Foundation.Sources;
using HwForge.Tools.Programs;
using HwForge.Tools.Programs.Verilator;
using HwForge.Tools.Targets.Rtl.Syntax;

namespace HwForge.Tools.Targets.Rtl.Judge;

/// <summary>The one text every tool reads, or why the sources cannot give one.</summary>
internal sealed record CanonicalSourceResult(IReadOnlyList<SourceFile> Sources, FailureClass Failure, string Detail, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Failure == FailureClass.None;
}

/// <summary>
/// One text for all tools. The sources are preprocessed once (Verilator's preprocessor, confined),
/// with no defines and none of the tools' own macros, into a single file that lint, simulation, the
/// proof and synthesis all read instead of the sources; so a macro, an <c>`include</c> or a
/// <c>translate_off</c> comment cannot show one tool other code than another.
/// </summary>
/// <remarks>
/// What would still differ is refused or removed: a test of a tool-identifying macro is refused
/// (<see cref="SourceDirectives"/>); comments go (Yosys reads <c>synthesis translate_off</c> and
/// <c>full_case</c> in them); attributes are blanked (Yosys obeys <c>(* parallel_case *)</c>,
/// <c>(* nosync *)</c>, <c>(* init *)</c>, <c>(* blackbox *)</c>, which simulators ignore), but for
/// a few that only choose how hardware is built (<c>keep</c>, <c>fsm_encoding</c>).
/// <c>`line</c> directives keep every tool's messages pointing at the user's file and line.
/// </remarks>
internal static class CanonicalSource
{
    private const string Output = "hwforge-canonical.v";

    /// <summary>
    /// Attributes that choose how hardware is built, never what it does, kept for synthesis (the catalog's
    /// FSM variants rely on <c>fsm_encoding</c>). Any other attribute is blanked.
    /// </summary>
    private static readonly HashSet<string> KeptAttributes = ["fsm_encoding", "keep", "ram_style", "rom_style", "syn_keep", "dont_touch", "mark_debug"];

    /// <summary>A macro that expands without end stops here, far above any real design.</summary>
    private static readonly ResourceLimits Limits = ResourceLimits.Default.WithTimeout(TimeSpan.FromSeconds(30)) with { FileSizeBytes = 64L << 20 };

    public static async Task<CanonicalSourceResult> PrepareAsync(
        ToolHost host, ToolVersions versions, IReadOnlyList<SourceFile> sources, CancellationToken cancellation)
    {
        if (sources.Count == 0) return new([], FailureClass.None, "", []);
        if (SourceDirectives.Check(sources) is { } problem) return new([], problem.Failure, problem.Detail, []);
        var units = SourceDirectives.Units(sources);

        var version = await versions.RequireAsync(VerilatorTool.Descriptor, cancellation).ConfigureAwait(false);
        var verilator = VerilatorTool.Invocation(
            ["-E", "-Wno-fatal", $"-I{SourceFile.Folder}", .. ToolMacros.DefinedByVerilator.Select(m => "-U" + m), .. units.Select(s => s.StagedName)]);
        // Verilator preprocesses to stdout, which a run keeps only the head and tail of: into a file instead.
        var step = new ToolStep("verilator-preprocess", version,
            new ToolInvocation("sh", ["-c", $"exec \"$0\" \"$@\" > {Output}", verilator.Program, .. verilator.Arguments])
            {
                Environment = verilator.Environment,
            }.WithLimits(Limits))
        {
            Inputs = [.. sources.Select(s => InputFile.FromText(s.StagedName, s.Text))],
            Outputs = [Output],
        };
        var result = await host.RunAsync(step, cancellation).ConfigureAwait(false);
        var byStagedName = sources.ToDictionary(s => s.StagedName, s => s.Path);
        var diagnostics = VerilatorDiagnosticParser.Parse(result.Run.StandardError, file => byStagedName.GetValueOrDefault(file, file));
        if (result.Run.Limit != LimitHit.None)
            return new([], FailureClass.Timeout, $"preprocessing {result.Run.Describe(Limits)}; does a macro expand without end?", diagnostics);
        if (result.Run.ExitCode != 0 || result.OutputText(Output) is not { } text)
        {
            var first = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
            return new([], first is null ? FailureClass.Compile : DiagnosticClassifier.Classify(first),
                $"the preprocessor rejected the design: {first?.ToCompilerLine() ?? result.Run.StandardError.Trim()}", diagnostics);
        }
        var canonical = new SourceFile(Label(units), Finish(text, sources));
        return new([canonical], FailureClass.None, "", diagnostics);
    }

    /// <summary>Blanks attributes and points <c>`line</c> directives at the user's paths. Line breaks stay, so lines still map.</summary>
    private static string Finish(string text, IReadOnlyList<SourceFile> sources)
    {
        var chars = text.ToCharArray();
        foreach (var token in VerilogLexer.Tokens(text).Where(t => t.Kind == VerilogTokenKind.Attribute && !Kept(t.Text(text))))
            for (var i = token.Start; i < token.Start + token.Length; i++)
                if (chars[i] != '\n') chars[i] = ' ';
        var paths = sources.ToDictionary(s => s.StagedName, s => LinePath(s));
        var output = new StringBuilder(chars.Length + 256);
        foreach (var line in new string(chars).Split('\n'))
        {
            var match = line.StartsWith("`line ", StringComparison.Ordinal) ? CanonicalLines.Directive().Match(line) : null;
            if (match is { Success: true } && paths.TryGetValue(match.Groups["file"].Value, out var path))
            {
                var file = match.Groups["file"];
                output.Append(line, 0, file.Index).Append(path).Append(line, file.Index + file.Length, line.Length - file.Index - file.Length);
            }
            else
            {
                output.Append(line);
            }
            output.Append('\n');
        }
        output.Length--;
        return output.ToString();
    }

    /// <summary>
    /// Only names from <see cref="KeptAttributes"/>, with numbers or plain strings as values. A string holding
    /// <c>*)</c> does not qualify: Verilator ends an attribute there, Yosys and Icarus do not.
    /// </summary>
    private static bool Kept(string attribute)
    {
        if (attribute.Length < 4 || !attribute.EndsWith("*)", StringComparison.Ordinal)) return false;
        var inside = attribute[2..^2];
        return VerilogLexer.Tokens(inside).All(t => t.Kind switch
        {
            VerilogTokenKind.Identifier => KeptAttributes.Contains(t.Text(inside)),
            VerilogTokenKind.Number => true,
            VerilogTokenKind.String => !t.Text(inside).Contains("*)") && t.Text(inside).EndsWith('"') && t.Length > 1,
            VerilogTokenKind.Symbol => t.Text(inside) is "=" or ",",
            _ => false,
        });
    }

    /// <summary>The user's path as a <c>`line</c> directive can quote it; only its file name if the path has a quote or a backslash.</summary>
    private static string LinePath(SourceFile source)
    {
        static bool Quotable(string s) => s.All(c => c >= ' ' && c != '"' && c != '\\' && c != 127);
        return Quotable(source.Path) ? source.Path : Quotable(source.FileName) ? source.FileName : "design.v";
    }

    /// <summary>
    /// The canonical file's name: the one source's own, or the units' names joined (<c>a.v+b.v</c>).
    /// It ends in <c>.v</c> or <c>.sv</c> so no tool mistakes it for a header, and holds only characters
    /// every tool's command line takes.
    /// </summary>
    private static string Label(IReadOnlyList<SourceFile> units)
    {
        var name = units.Count == 1 ? units[0].FileName : string.Join("+", units.Select(u => u.FileName));
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' ? c : '_')]);
        if (safe.StartsWith('-')) safe = "_" + safe[1..];
        var extension = Path.GetExtension(safe).ToLowerInvariant();
        safe = extension is ".v" or ".sv" ? safe : safe + ".v";
        return units.Count == 1 && safe == name ? units[0].Path : safe;
    }
}
