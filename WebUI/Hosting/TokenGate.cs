using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Hosting;

/// <summary>
/// When a token is set, every request must carry it: as <c>Authorization: Bearer T</c>, or as the HttpOnly
/// cookie set by a first visit to any page with <c>?token=T</c> (which then redirects to drop the token from the
/// address bar). Anything else gets 401 with a sentence saying how to get in. The comparison takes the same time
/// whatever is presented: both sides are hashed to 32 bytes first, so neither a wrong prefix nor a wrong length
/// answers any faster.
/// </summary>
public sealed class TokenGate(string token)
{
    public const string CookieName = "hwforge-token";
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query.TryGetValue("token", out var fromQuery) && Matches(fromQuery.ToString()))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            var rest = QueryString.Create(context.Request.Query.Where(q => q.Key != "token"));
            // The path is the request's own, so it can be "//elsewhere.example": only a local path is followed.
            context.Response.Redirect(LocalRedirect.Target($"{context.Request.PathBase}{context.Request.Path}{rest}"));
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim()
            : context.Request.Cookies[CookieName];
        if (presented is not null && Matches(presented))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("This HwForge server needs its token: open it once with ?token=YOUR_TOKEN, or send 'Authorization: Bearer YOUR_TOKEN'.\n");
    }

    internal bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
}
