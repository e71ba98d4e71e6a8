using System.Text;

namespace HwForge.Agents.Runs;

/// <summary>Default run folder names: when, and a few words of what (<c>20261122-071502-16-bit-signed-mac</c>).</summary>
public static class RunFolderNames
{
    public static string NewIn(string runsFolder, RunOptions options)
    {
        var stamp = options.Created.UtcDateTime.ToString("yyyyMMdd-HHmmss");
        var words = Slug(options.Request ?? options.Spec?.Name ?? options.Spec?.Family ?? options.Spec?.Top ?? "design");
        var path = Path.Combine(runsFolder, $"{stamp}-{words}");
        for (var n = 2; Directory.Exists(path); n++) path = Path.Combine(runsFolder, $"{stamp}-{words}-{n}");
        return path;
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 40) break;
        }
        return slug.ToString().Trim('-') is { Length: > 0 } s ? s : "design";
    }
}
