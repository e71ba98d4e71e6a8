using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Hosting;

/// <summary>
/// Headers on every response, error pages and refusals included. The policy fits the page as it is built: one
/// page script and the framework's blazor.web.js served from here, stylesheets from /assets, the run view's circuit
/// over a WebSocket to this origin, forms posting here, a base of this origin (the circuit's hub is found from it), no
/// inline script or style anywhere, nothing framed and no images, so even text that slipped past the Markdown filter
/// could neither run nor fetch a beacon.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

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
