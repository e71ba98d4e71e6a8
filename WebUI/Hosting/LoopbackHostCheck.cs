using Microsoft.AspNetCore.Http;

namespace HwForge.WebUI.Hosting;

/// <summary>
/// Without a token the server trusts whoever can reach 127.0.0.1, so it must also be sure the request came from
/// a page of its own: a web page elsewhere can point its own host name at 127.0.0.1 (DNS rebinding) and then
/// read and post to this server as if same-origin. Such a request still says the attacker's name in its Host
/// header, so any Host other than 127.0.0.1, localhost or [::1] at this server's port gets 421. With a token in
/// use the token guards every request instead, and any name may be used to reach the server.
/// </summary>
public static class LoopbackHostCheck
{
    private static readonly string[] LoopbackNames = ["127.0.0.1", "localhost", "[::1]"];

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (IsOwnHost(context.Request.Host, context.Connection.LocalPort))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "This HwForge server answers only to http://127.0.0.1, http://localhost or http://[::1] at its own port. " +
            "Open it by one of those addresses (or serve it with --token to reach it by another name).\n");
    }

    internal static bool IsOwnHost(HostString host, int localPort)
    {
        if (!host.HasValue) return false;
        var port = host.Port ?? 80;
        return port == localPort && LoopbackNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase);
    }
}
