using System.Text;

namespace HwForge.KnowledgeBase;

/// <summary>
/// What HwForge learns from its runs: each verified (proven) design, and each failure with the change that
/// fixed it, stored as chunks so later runs retrieve them like any other knowledge. The same content
/// recorded again (another run, same design or same fix) is stored once.
/// </summary>
public sealed class ExperienceMemory(IKnowledgeStore store)
{
    // Code is kept whole up to this size; beyond it the head carries the interface and the idea.
    private const int MaxCodeChars = 6000;

    /// <summary>The line a verified design's chunk carries before its code: only proven designs are recorded as verified.</summary>
    public const string ProvenLine = "Proven equivalent to its reference: ";

    /// <summary>Records a design proven equivalent to its reference; <paramref name="proof"/> says how it was proven, <paramref name="fence"/> tags its code.</summary>
    public Task<AddResult> RecordVerifiedDesignAsync(string runId, string candidateId, string spec, string code, string ppaSummary, string proof, CancellationToken cancellation = default, string fence = "")
    {
        var text = new StringBuilder()
            .AppendLine("Specification:").AppendLine(spec.Trim()).AppendLine()
            .AppendLine("PPA: " + ppaSummary.Trim()).AppendLine()
            .AppendLine(ProvenLine + proof.Trim()).AppendLine()
            .AppendLine("Verified code:").AppendLine("```" + fence).AppendLine(Cap(code)).Append("```").ToString();
        return Record(new KnowledgeChunk($"Verified design: {FirstLine(spec)}", text, KnowledgeSource.Run(runId, candidateId), KnowledgeKind.VerifiedDesign), cancellation);
    }

    /// <summary>
    /// Records a failure and the change that fixed it; <paramref name="result"/> says how strongly the fixed code
    /// was shown to match (a repair whose result is only bounded is labelled so, never called verified).
    /// </summary>
    public Task<AddResult> RecordRepairAsync(string runId, string candidateId, string errorText, string fixDescription, string codeBefore, string codeAfter,
        string? result = null, CancellationToken cancellation = default, string fence = "")
    {
        var text = new StringBuilder()
            .AppendLine("Error:").AppendLine(errorText.Trim()).AppendLine()
            .AppendLine("Fix: " + fixDescription.Trim()).AppendLine();
        if (result is not null) text.AppendLine("Result: " + result.Trim()).AppendLine();
        text.AppendLine("Code before:").AppendLine("```" + fence).AppendLine(Cap(codeBefore)).AppendLine("```")
            .AppendLine("Code after:").AppendLine("```" + fence).AppendLine(Cap(codeAfter)).Append("```");
        return Record(new KnowledgeChunk($"Repair: {FirstLine(errorText)}", text.ToString(), KnowledgeSource.Run(runId, candidateId), KnowledgeKind.Repair), cancellation);
    }

    /// <summary>
    /// False for a verified-design chunk that does not carry the proof line ahead of its code: one recorded before
    /// HwForge required a proof, which may have been only bounded or simulated. Other kinds are not designs and pass.
    /// </summary>
    public static bool IsProvenOrNotADesign(KnowledgeHit hit)
    {
        if (hit.Kind != KnowledgeKind.VerifiedDesign) return true;
        // Only the lines before the code count, so a candidate cannot claim a proof in a comment.
        var header = hit.Text.Split("```")[0];
        return header.Split('\n').Any(line => line.StartsWith(ProvenLine, StringComparison.Ordinal));
    }

    private Task<AddResult> Record(KnowledgeChunk chunk, CancellationToken cancellation) => store.AddAsync([chunk], cancellation);

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n')[0].Trim();
        return line.Length <= 160 ? line : line[..160] + "...";
    }

    private static string Cap(string code)
    {
        code = code.Trim();
        return code.Length <= MaxCodeChars ? code : code[..MaxCodeChars] + "\n// ... (cut: the stored copy keeps the first " + MaxCodeChars + " characters)";
    }
}
