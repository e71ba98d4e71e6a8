using System.Globalization;
using HwForge.Tools.Programs;
using HwForge.Tools.Reward;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Tests.TestTarget;

/// <summary>
/// A target that exists only to show the seam: its designs are integer expressions in x (<c>x*x + 2*x + 1</c>) in
/// <c>.calc</c> files, checked against the reference on every x in [-64, 64] (an exhaustive check of that domain,
/// so a pass is proven), and measured by their length in characters. It lives in this one folder; the supervisor,
/// roles, run folder, reports, web UI and CLI are not touched to add it.
/// </summary>
internal sealed class CalcTarget : ITarget
{
    public const string TargetName = "calc";

    private const int Domain = 64;

    public static Objective Length { get; } = new("length", "chars", "expression length");

    public string Name => TargetName;

    public string Title => "test target: integer expressions in x";

    public IReadOnlyList<FileKind> FileKinds { get; } = [new(".calc", "calc", ["calc"])];

    public IReadOnlyList<ToolDescriptor> Tools { get; } = [];

    public IReadOnlyList<Objective> Objectives { get; } = [Length];

    public IReadOnlyList<TargetOption> Options { get; } = [TargetOption.Integer("domain", Domain, 1, 1000, "x runs over [-domain, domain]")];

    public ITargetPrompts Prompts { get; } = new CalcPrompts();

    public DraftCheck? DraftCheck => null;

    /// <summary>Its own tiny catalog, so that it is designed offline too.</summary>
    public IOfflineCatalog? Catalog { get; } = new CalcCatalog();

    public AnswerDesign ReadAnswer(string answer, string top) =>
        FencedBlocks.All(answer).LastOrDefault(b => b.Language == "calc").Code is { } code
            ? AnswerDesign.Found(DesignArtifact.Single(Name, top, "design.calc", code))
            : AnswerDesign.Missing("the answer held no ```calc block");

    public string? TopOf(DesignArtifact design) => null;

    public Task<TargetVerdict> VerifyAsync(DesignArtifact design, DesignReference reference, DesignHints hints, TargetJob job, CancellationToken cancellation)
    {
        var domain = int.Parse(job.Option("domain") ?? Domain.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var reports = new List<string>();
        if (!CalcExpression.TryParse(design.Main.Text, out var candidate, out var problem))
            return Task.FromResult(Verdict(HwForge.Tools.Targets.Verdict.Fail, FailureClass.Syntax, $"the expression does not parse: {problem}"));
        if (reference.Design is null || !CalcExpression.TryParse(reference.Design.Main.Text, out var expected, out problem))
            return Task.FromResult(Verdict(HwForge.Tools.Targets.Verdict.Error, FailureClass.ToolError, $"the reference does not parse: {problem}"));
        for (var x = -domain; x <= domain; x++)
        {
            var (want, got) = (expected.Evaluate(x), candidate.Evaluate(x));
            if (want != got)
                return Task.FromResult(Verdict(HwForge.Tools.Targets.Verdict.Fail, FailureClass.FunctionalMismatch, "differs from the reference",
                    $"x = {x}: expected {want}, got {got}", (x + domain) / (2.0 * domain + 1)));
        }
        return Task.FromResult(Verdict(HwForge.Tools.Targets.Verdict.Pass, FailureClass.None, "matches the reference on every x",
            shown: $"equal on every x in [-{domain}, {domain}] (exhaustive)"));
    }

    public Task<TargetMeasurement> MeasureAsync(DesignArtifact design, DesignHints hints, TargetJob job, CancellationToken cancellation) =>
        Task.FromResult(new TargetMeasurement
        {
            Succeeded = true,
            Metrics = new PpaMetrics([KeyValuePair.Create(Length.Name, (double)design.Main.Text.Trim().Length)]),
            Units = new Dictionary<string, string> { [Length.Name] = Length.Unit },
            Basis = "characters of the expression",
        });

    public string Feedback(TargetVerdict verdict, DesignArtifact design) =>
        verdict.Passed ? "" : $"{verdict.Summary}{(verdict.FirstMismatch is { } m ? $"; first difference at {m}" : "")}";

    private static TargetVerdict Verdict(Verdict verdict, FailureClass failure, string summary, string? mismatch = null, double? matched = null, string shown = "") => new()
    {
        Verdict = verdict,
        FailureClass = failure,
        DecidedBy = "evaluation",
        Summary = summary,
        Assurance = verdict == HwForge.Tools.Targets.Verdict.Pass ? Assurance.Proven : Assurance.None,
        Shown = shown,
        FirstMismatch = mismatch,
        MatchedFraction = matched,
        Report = new { verdict, summary, mismatch },
    };

    private sealed class CalcPrompts : ITargetPrompts
    {
        public string SearchTerms => "expression";

        public string System(string role) => $"You are the {char.ToUpperInvariant(role[0])}{role[1..]} of the calc test target. Answer with one ```calc block.";

        public string Task(string top, string description, DesignHints hints, DesignReference? reference) =>
            $"Expression: {top}\nMeaning: {description}\n" + (reference?.Design is { } d ? $"Reference:\n```calc\n{d.Main.Text.Trim()}\n```\n" : "");

        public string Ask(string top) => $"Write the expression {top}.";
    }
}
