using System.Net;
using System.Net.Http.Headers;
using HwForge.WebUI.Hosting;

namespace HwForge.WebUI.Tests;

/// <summary>With a token: any host name may reach the server but the token is still needed, the trade of
/// <c>?token=</c> for a cookie never redirects off the server, and only the exact token opens it.</summary>
public sealed class TokenAndRedirectTests : IAsyncLifetime
{
    private const string Token = "t0ken-for-redirect-tests-5e1a";

    private WebUiServer _server = null!;

    public async Task InitializeAsync() => _server = await WebUiServer.StartAsync(token: Token);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task With_a_token_another_host_name_is_let_through_to_the_token_gate()
    {
        var without = await RawHttp.GetAsync(_server.Port, "/", "hwforge.lan:5080");
        var with = await RawHttp.GetAsync(_server.Port, "/", "hwforge.lan:5080", $"Authorization: Bearer {Token}");

        Assert.Equal(401, without.Status);
        Assert.Equal(200, with.Status);
        Assert.Equal("DENY", without.Header("x-frame-options"));
    }

    [Theory]
    [InlineData("//elsewhere.example/x?token={t}")]
    [InlineData("//elsewhere.example?token={t}")]
    [InlineData("/\\elsewhere.example/x?token={t}")]
    [InlineData("/%2F/elsewhere.example/x?token={t}")]
    public async Task The_token_redirect_never_sends_the_browser_to_another_site(string target)
    {
        var response = await RawHttp.GetAsync(_server.Port, target.Replace("{t}", Token), $"127.0.0.1:{_server.Port}");

        if (response.Status == 400) return; // refused by Kestrel outright: nothing to follow either
        Assert.Equal(302, response.Status);
        var location = response.Header("location")!;
        Assert.True(LocalRedirect.IsLocal(location), $"redirected to {location}");
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        Assert.DoesNotContain(Token, location);
    }

    [Fact]
    public async Task The_token_redirect_keeps_a_local_path_and_the_rest_of_the_query()
    {
        var response = await RawHttp.GetAsync(_server.Port, $"/runs/abc?token={Token}&view=all", $"127.0.0.1:{_server.Port}");
        // An absolute-form target (Kestrel wants the Host to match it) still redirects to the path alone.
        var absolute = await RawHttp.GetAsync(_server.Port, $"http://elsewhere.example/runs/abc?token={Token}", "elsewhere.example");

        Assert.Equal(302, response.Status);
        Assert.Equal("/runs/abc?view=all", response.Header("location"));
        Assert.Equal("/runs/abc", absolute.Header("location"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("t")]
    [InlineData("t0ken-for-redirect-tests-5e1")]     // a prefix
    [InlineData("t0ken-for-redirect-tests-5e1ax")]   // one more character
    [InlineData("t0ken-for-redirect-tests-5e1b")]    // the last one wrong
    [InlineData("T0KEN-FOR-REDIRECT-TESTS-5E1A")]
    public async Task Only_the_exact_token_opens_the_server(string presented)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", presented);
        request.Headers.Add("Cookie", $"{TokenGate.CookieName}={Uri.EscapeDataString(presented)}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
        Assert.False(new TokenGate(Token).Matches(presented));
        Assert.True(new TokenGate(Token).Matches(Token));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/runs/a?x=1", true)]
    [InlineData("//elsewhere.example", false)]
    [InlineData("/\\elsewhere.example", false)]
    [InlineData("/\t/elsewhere.example", false)]
    [InlineData("https://elsewhere.example/", false)]
    [InlineData("elsewhere.example", false)]
    [InlineData("", false)]
    public void Only_a_path_on_this_server_counts_as_a_local_redirect(string url, bool local)
    {
        Assert.Equal(local, LocalRedirect.IsLocal(url));
        Assert.Equal(local ? url : "/", LocalRedirect.Target(url));
    }
}
