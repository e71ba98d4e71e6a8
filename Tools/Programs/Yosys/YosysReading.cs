namespace HwForge.Tools.Programs.Yosys;

/// <summary>
/// How HwForge has Yosys read a design's sources, in one place, so that elaboration, PPA and the
/// proof read the same design the same way.
/// </summary>
internal static class YosysReading
{
    private static readonly string[] HeaderExtensions = [".vh", ".svh"];

    /// <summary>
    /// <c>read_verilog -sv</c> of the compilation units, then the <c>always_comb</c> marks removed.
    /// Yosys 0.23 stops at an <c>always_comb</c> that infers a latch (a <c>case</c> without a
    /// default, say) with "Latch inferred … from always_comb process", while simulators run it as
    /// a latch. Without the mark Yosys builds that latch, as for <c>always @*</c>: the same
    /// behaviour, and a latch the later stages see and judge for what it is.
    /// </summary>
    public static string Commands(IEnumerable<string> stagedSources) =>
        $"read_verilog -sv {string.Join(' ', Units(stagedSources).Select(s => $"\"{s}\""))}\n" +
        "setattr -unset always_comb\n";

    /// <summary>The sources that are compilation units: headers are staged for <c>`include</c>, not read on their own.</summary>
    public static IEnumerable<string> Units(IEnumerable<string> stagedSources) =>
        stagedSources.Where(s => !HeaderExtensions.Contains(Path.GetExtension(s).ToLowerInvariant()));
}
