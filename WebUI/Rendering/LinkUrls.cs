namespace HwForge.WebUI.Rendering;

/// <summary>Which link targets agent text may keep: http, https, mailto, or a path on this site.</summary>
internal static class LinkUrls
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Read the way a browser reads an href: it drops tabs and newlines and ignores leading spaces and control
    /// characters, so <c>java&#9;script:</c> is <c>javascript:</c>; the scheme is what comes before the first
    /// ':' that precedes any '/', '?' or '#', in any case.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = new string([.. url.Where(c => c > ' ' && c != '\u007f')]);
        var end = cleaned.IndexOfAny([':', '/', '?', '#']);
        if (end < 0 || cleaned[end] != ':') return true; // no scheme: a relative link
        var scheme = cleaned[..end];
        return SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }
}
