namespace HwForge.Tools.Targets;

/// <summary>What a piece of source is, for highlighting it.</summary>
public enum CodeTokenKind
{
    Text,
    Keyword,
    Number,
    Comment,
    String,
    Directive,
}

/// <summary>One highlighted piece of source.</summary>
public readonly record struct CodeToken(CodeTokenKind Kind, string Text);

/// <summary>
/// Splits a file kind's source into tokens for highlighting (the web UI shows code with it); joining the tokens
/// gives the input back. A target owns the highlighter of each of its file kinds.
/// </summary>
public interface ICodeHighlighter
{
    IReadOnlyList<CodeToken> Tokenize(string source);
}
