using System.Text;

namespace HwForge.KnowledgeBase;

/// <summary>
/// What HwForge learns from its runs: each verified design, and each failure with the change that
/// fixed it, stored as chunks so later runs retrieve them like any other knowledge. The same content
/// recorded again (another run, same design or same fix) is stored once.
/// </summary>
public sealed class ExperienceMemory(IKnowledgeStore store)
{
    // Code is kept whole up to this size; beyond it the head carries the interface and the idea.
    private const int MaxCodeChars = 6000;

    public Task<AddResult> RecordVerifiedDesignAsync(string runId, string candidateId, string spec, string code, string ppaSummary, CancellationToken cancellation = default)
    {
        var text = new StringBuilder()
            .AppendLine("Specification:").AppendLine(spec.Trim()).AppendLine()
            .AppendLine("PPA: " + ppaSummary.Trim()).AppendLine()
            .AppendLine("Verified code:").AppendLine("```verilog").AppendLine(Cap(code)).Append("```").ToString();
        return Record(new KnowledgeChunk($"Verified design: {FirstLine(spec)}", text, KnowledgeSource.Run(runId, candidateId), KnowledgeKind.VerifiedDesign), cancellation);
    }

    public Task<AddResult> RecordRepairAsync(string runId, string candidateId, string errorText, string fixDescription, string codeBefore, string codeAfter, CancellationToken cancellation = default)
    {
        var text = new StringBuilder()
            .AppendLine("Error:").AppendLine(errorText.Trim()).AppendLine()
            .AppendLine("Fix: " + fixDescription.Trim()).AppendLine()
            .AppendLine("Code before:").AppendLine("```verilog").AppendLine(Cap(codeBefore)).AppendLine("```")
            .AppendLine("Code after:").AppendLine("```verilog").AppendLine(Cap(codeAfter)).Append("```").ToString();
        return Record(new KnowledgeChunk($"Repair: {FirstLine(errorText)}", text, KnowledgeSource.Run(runId, candidateId), KnowledgeKind.Repair), cancellation);
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
