using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Hosting;

/// <summary>
/// Headers on every response, error pages and refusals included. The policy fits the page as it is built: one
/// script file and stylesheets served from /assets, a live view over EventSource to this origin, forms posting
/// here, no inline script or style anywhere, nothing framed and no images, so even text that slipped past the
/// Markdown filter could neither run nor fetch a beacon.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task AddAsync(HttpContext context, RequestDelegate next)
    {
        // Set when the response starts, so that whatever later middleware or the framework writes carries them.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
