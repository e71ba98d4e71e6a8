namespace HwForge.WebUI.Hosting;

/// <summary>
/// Where a redirect may send the browser: a path on this server. <c>//host/x</c> and <c>/\host/x</c> are paths to
/// a server but links to another one (browsers read a leading backslash as a slash), and an absolute URL is
/// another site outright; any of those becomes <c>/</c>.
/// </summary>
internal static class LocalRedirect
{
    public static string Target(string? pathAndQuery) => IsLocal(pathAndQuery) ? pathAndQuery! : "/";

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' &&
        (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) &&
        !url.Any(c => char.IsControl(c));
}
