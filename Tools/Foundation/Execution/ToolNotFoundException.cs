namespace HwForge.Tools.Foundation.Execution;

/// <summary>A program could not be started, or would not run; the message says how to get it working.</summary>
public sealed class ToolNotFoundException : Exception
{
    public ToolNotFoundException(string program, Exception? inner = null)
        : base($"{program} not found: run sandbox/install-toolchain.sh (or install it and put it on PATH)", inner) => Program = program;

    /// <summary>The tool is there but its probe failed: the message is the probe's own reason.</summary>
    public ToolNotFoundException(string program, string problem)
        : base($"{program}: {problem}") => Program = program;

    public string Program { get; }
}
