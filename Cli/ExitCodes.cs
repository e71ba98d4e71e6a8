namespace HwForge.Cli;

/// <summary>The exit codes every HwForge command shares, so scripts and CI can rely on them.</summary>
public static class ExitCodes
{
    /// <summary>The design is clean, verified (proven equivalent), or the command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The design has errors or does not match: its fault, not HwForge's.</summary>
    public const int DesignFailed = 1;

    /// <summary>Bad usage, or the machine cannot do it (a missing tool, no sandbox).</summary>
    public const int UsageOrInfrastructure = 2;

    /// <summary>
    /// No difference was found, but it was not proven: a bounded check or simulation only, and the
    /// caller did not lower the bar with <c>--accept</c>. Neither a pass nor the design's fault.
    /// </summary>
    public const int NotProven = 3;
}
