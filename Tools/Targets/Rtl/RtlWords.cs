namespace HwForge.Tools.Targets.Rtl;

/// <summary>
/// How the RTL target's files and tools are named to people: the CLI's and the MCP server's descriptions of the
/// commands that only RTL has (lint, ppa, watch) read these, so the words that name a language or a tool live with
/// the target that owns them. Constants, because MCP tool descriptions are attributes.
/// </summary>
public static class RtlWords
{
    /// <summary>The languages the RTL target reads.</summary>
    public const string Sources = "Verilog/SystemVerilog";

    /// <summary>The file extensions a watched folder's RTL sources have.</summary>
    public const string Extensions = ".v/.sv";

    /// <summary>The programs <c>ppa</c> measures with.</summary>
    public const string PpaTools = "Yosys, OpenSTA or nextpnr";

    /// <summary>The synthesis tool <c>ppa</c> runs first.</summary>
    public const string Synthesis = "Yosys";

    /// <summary>
    /// The key under which run folders written before references were target-neutral saved the reference's text
    /// (every reference was RTL then): resume still reads it.
    /// </summary>
    public const string SavedReferenceKey = "referenceVerilog";

    /// <summary>The MIME type of an RTL source, for a resource a client reads.</summary>
    public const string MimeType = "text/x-verilog";
}
