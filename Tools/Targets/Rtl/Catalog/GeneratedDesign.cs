namespace HwForge.Tools.Targets.Rtl.Catalog;

/// <summary>
/// A generated kernel: the design and its behavioural reference, with the same ports and the same
/// latency, so the judge can compare them cycle by cycle. <see cref="Clock"/> and <see cref="Reset"/> are
/// null for a combinational design.
/// </summary>
internal sealed record GeneratedDesign(
    string Family,
    KernelParameters Parameters,
    string Top,
    string Verilog,
    string ReferenceTop,
    string ReferenceVerilog,
    string? Clock,
    string? Reset,
    bool ResetActiveLow,
    int LatencyCycles,
    string Description)
{
    /// <summary>A stable id for caches and reports: <c>family(a=1,b=x)</c>.</summary>
    public string Id => $"{Family}({Parameters})";

    /// <summary>The design and the reference as the sources of an artifact, under the names a run folder gives them.</summary>
    public (string FileName, string Text) DesignSource => ("design.v", Verilog);

    public (string FileName, string Text) ReferenceSource => ("reference.v", ReferenceVerilog);

    /// <summary>File names to stage the two sources under.</summary>
    public string DesignFileName => $"{Top}.v";

    public string ReferenceFileName => $"{ReferenceTop}.v";
}
