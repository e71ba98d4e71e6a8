using System.Net;
using System.Net.Http.Headers;

namespace HwForge.WebUI.Tests;

/// <summary>Serving beyond loopback needs a token, and with a token every request must carry it.</summary>
public sealed class TokenTests
{
    private const string Token = "t0ken-for-tests-91c2";

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.10")]
    [InlineData("::")]
    public async Task The_server_refuses_to_start_beyond_loopback_without_a_token_and_says_why(string host)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => WebUiApp.BuildAsync(new WebUiOptions { Host = host, Port = 0 }));
        Assert.Contains($"refusing to serve on {host} without a token", e.Message);
        Assert.Contains("--token", e.Message);
        Assert.Contains(WebUiOptions.TokenVariable, e.Message);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    public void Only_loopback_addresses_count_as_private(string host, bool loopback) =>
        Assert.Equal(loopback, WebUiOptions.IsLoopback(host));

    [Fact]
    public async Task With_a_token_a_request_without_it_gets_401_and_one_with_it_works()
    {
        await using var server = await WebUiServer.StartAsync(token: Token);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };

        var without = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Contains("?token=", await without.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/assets/chat.js")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        var page = await client.SendAsync(bearer);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("What should HwForge build?", await page.Content.ReadAsStringAsync());

        // A first visit with ?token= trades it for an HttpOnly cookie and drops it from the address.
        var visit = await client.GetAsync($"/?token={Token}");
        Assert.Equal(HttpStatusCode.Redirect, visit.StatusCode);
        Assert.DoesNotContain(Token, visit.Headers.Location!.ToString());
        var cookie = visit.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hwforge-token=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/");
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withCookie)).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_on_loopback_pages_are_served_and_each_visitor_gets_an_owner_cookie()
    {
        await using var server = await WebUiServer.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var owner = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hwforge-owner=", StringComparison.Ordinal));
        Assert.Contains("httponly", owner, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/runs/..%2F..%2Fetc/download")).StatusCode);
    }
}
