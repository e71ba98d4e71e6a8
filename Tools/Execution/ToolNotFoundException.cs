namespace HwForge.Tools.Execution;

/// <summary>A program could not be started at all; the message says how to get it.</summary>
public sealed class ToolNotFoundException(string program, Exception? inner = null)
    : Exception($"{program} not found: run sandbox/install-toolchain.sh (or install it and put it on PATH)", inner)
{
    public string Program { get; } = program;
}
