namespace HwForge.Tools.Foundation.Execution;

/// <summary>
/// Quotes words for the small <c>sh -c</c> scripts that chain two tools in one cached step.
/// File names and plusargs come from users, so every word is quoted, never trusted.
/// </summary>
internal static class ShellWords
{
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
