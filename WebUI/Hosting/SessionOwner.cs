using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Hosting;

/// <summary>
/// Gives each browser session a random owner id in an HttpOnly cookie; runs are filed under it, so two
/// sessions never see each other's runs. (Tabs of one browser profile share the cookie, and so the runs.)
/// </summary>
public static class SessionOwner
{
    public const string CookieName = "hwforge-owner";
    private const string ItemKey = "hwforge-owner";

    public static string Of(HttpContext context) =>
        context.Items[ItemKey] as string ?? throw new InvalidOperationException("the owner middleware did not run");

    public static async Task AssignAsync(HttpContext context, RequestDelegate next)
    {
        var owner = context.Request.Cookies[CookieName];
        if (owner is null || owner.Length != 32 || !owner.All(char.IsAsciiHexDigitLower))
        {
            owner = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(CookieName, owner, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        context.Items[ItemKey] = owner;
        await next(context);
    }
}
