using System.Globalization;
using System.Text;
using HwForge.Agents.Design;
using HwForge.Agents.Runs;
using HwForge.Tools.Targets;

namespace HwForge.Agents.Reports;

/// <summary>Writes <c>report.json</c>, <c>report.md</c> and the <c>final/</c> design of a finished run.</summary>
public static class ReportWriter
{
    /// <summary>The folder of a candidate (and of <c>final/</c>) that holds the files its measurement made.</summary>
    public const string MeasuredFolder = "measured";

    public static void Write(RunFolder run, RunReport report, DesignSpec spec, IReadOnlyList<JudgedCandidate> history)
    {
        if (report.Best is { } best)
        {
            var winner = history.Single(h => h.Proposal.Id == best.Id).Proposal;
            foreach (var file in winner.Design.Files) run.Write(Path.Combine("final", file.FileName), file.Text);
            foreach (var file in (winner.Reference ?? spec.Reference).Design?.Files ?? []) run.Write(Path.Combine("final", file.FileName), file.Text);
            // What the measuring tools made for the winner (a netlist, a timing report), beside its design.
            var measured = Path.Combine(run.Path, "candidates", best.Id, MeasuredFolder);
            if (Directory.Exists(measured))
                foreach (var file in Directory.EnumerateFiles(measured).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
                    run.Write(Path.Combine("final", MeasuredFolder, Path.GetFileName(file)), File.ReadAllText(file));
        }
        run.WriteJson(RunFolder.ReportJsonFile, report);
        run.Write(RunFolder.ReportMarkdownFile, Markdown(report, RunReportBuilder.ReferenceFiles(spec)));
    }

    public static string Markdown(RunReport report, string referenceFiles = "spec/")
    {
        var md = new StringBuilder();
        // The title names the design the run ends with, not the spec's default module it started from.
        md.AppendLine($"# {report.FinalTop}: {report.Status}");
        md.AppendLine();
        md.AppendLine(report.Headline);
        md.AppendLine();
        if (VersusReference.WorseSentence(report) is { } worse)
        {
            md.AppendLine($"> **Worse than the reference.** {worse}");
            md.AppendLine();
        }
        if (report.Status == RunStatus.NotProven)
        {
            // Said before anything else: a person skimming the report must not take this design for verified.
            md.AppendLine($"> **Not proven.** No difference from the reference was found, but equivalence was not proven: {report.Shown}.");
            md.AppendLine(report.Accepted
                ? $"> Accepted because the run was asked to accept {Word(report.Accept)} (`--accept {Word(report.Accept)}`)."
                : "> Treat the design as unverified; `--accept bounded` or `--accept simulated` accepts such a result explicitly.");
            md.AppendLine();
        }
        if (report.Request is not null) md.AppendLine($"- Request: {report.Request}");
        md.AppendLine($"- Designs from: {report.Strategy}");
        md.AppendLine($"- Checked against: {report.VerifiedAgainst}");
        if (report.Family is not null)
            md.AppendLine($"- Catalog: {report.Family}" + (report.Parameters is null ? "" : $" ({string.Join(", ", report.Parameters.Select(p => $"{p.Key}={p.Value}"))})"));
        foreach (var assumption in report.Assumptions) md.AppendLine($"- Assumed: {assumption}");
        if (report.Baseline is not null) md.AppendLine($"- Baseline (the reference): {RunReportBuilder.Describe(report.Baseline)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- LLM calls: {report.LlmCalls}, tokens: {report.Tokens}, time: {report.ElapsedSeconds:0.#} s");
        if (report.StopReason is not null) md.AppendLine($"- Stopped early: {report.StopReason}");
        if (report.ReferenceNeedsReview)
        {
            md.AppendLine();
            md.AppendLine("> **Review the reference.** An LLM wrote both the reference and the design; they agree, but only a person can");
            md.AppendLine("> confirm the reference says what you meant. It is in `{referenceFiles}`.");
        }
        md.AppendLine();
        md.AppendLine("## Candidates");
        md.AppendLine();
        var objectives = report.Objectives;
        md.AppendLine($"| id | from | parameters | verdict | shown by | {string.Concat(objectives.Select(o => $"{o.Name} {o.Unit} | "))}reward | frontier |");
        md.AppendLine($"|---|---|---|---|---|{string.Concat(objectives.Select(_ => "---|"))}---|---|");
        var baseline = report.Baseline?.Metrics;
        // The row every change is measured against, so a reader sees what "−7.9%" is 7.9% of.
        if (baseline is not null)
            md.AppendLine($"| reference | baseline |  |  |  | {string.Concat(objectives.Select(o => Number(baseline[o]) + " | "))} |  |");
        foreach (var row in report.Candidates)
        {
            var verdict = row.Verdict == Verdict.Error ? $"not judged ({row.FailureClass})"
                : row.Verdict != Verdict.Pass ? $"{row.Verdict.ToString().ToLowerInvariant()} ({row.FailureClass})"
                : row.Assurance == Assurance.Proven ? "verified" : "no difference, not proven";
            var formal = ShownBy(row);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Id}{(row.Id == report.Best?.Id ? " **best**" : "")} | {row.Origin}{(row.ParentId is null ? "" : $" of {row.ParentId}")} | {row.Parameters ?? ""} | {verdict} | {formal} | {string.Concat(objectives.Select(o => VersusReference.Cell(row.Measurement?.Metrics[o], baseline?[o]) + " | "))}{row.Reward:0.###} | {(row.OnFrontier ? "yes" : "")} |");
        }
        var failures = report.Candidates.Where(c => c.Verdict == Verdict.Fail).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Why candidates failed");
            md.AppendLine();
            foreach (var row in failures) md.AppendLine($"- {row.Id}: {row.Summary}");
        }
        var notJudged = report.Candidates.Where(c => c.Verdict == Verdict.Error).ToList();
        if (notJudged.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Not judged");
            md.AppendLine();
            md.AppendLine("The judge could not finish on these, even when asked twice; this says nothing about the designs.");
            md.AppendLine();
            foreach (var row in notJudged) md.AppendLine($"- {row.Id}: {row.Summary}");
        }
        if (report.FinalDesign is not null)
        {
            md.AppendLine();
            md.AppendLine($"The best design is `final/{Path.GetFileName(report.FinalDesign)}`; every candidate's code and judge reports are under `candidates/`.");
        }
        return md.ToString();
    }

    private static string Word(Assurance? assurance) => assurance is { } a ? AssuranceText.Word(a) : "proven";

    // How a pass was shown, in a table cell: the proof, the bound, or why there was no formal result.
    private static string ShownBy(CandidateRow row) => row.Verdict != Verdict.Pass ? row.Formal : row.Assurance switch
    {
        Assurance.Proven => "proof",
        Assurance.Bounded => row.FormalBound is { } bound ? $"bounded check, {bound} cycles" : "bounded check",
        // Skipped: the target has no formal check (HLS, CUDA) or the run turned it off.
        _ when string.Equals(row.Formal, "skipped", StringComparison.OrdinalIgnoreCase) => "simulation only (no formal check)",
        _ => $"simulation only (formal {row.Formal})",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
