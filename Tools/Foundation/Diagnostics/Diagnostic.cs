namespace HwForge.Tools.Foundation.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One compiler message, as tools and IDE problem matchers expect it.</summary>
public sealed record Diagnostic(string File, int Line, int Column, Severity Severity, string Code, string Message)
{
    /// <summary><c>file:line:col: severity: message [CODE]</c>, the form IDE problem matchers read.</summary>
    public string ToCompilerLine()
    {
        var severity = Severity == Severity.Error ? "error" : "warning";
        var code = Code.Length > 0 ? $" [{Code}]" : "";
        return File.Length == 0 ? $"{severity}: {Message}{code}" : $"{File}:{Line}:{Column}: {severity}: {Message}{code}";
    }
}
