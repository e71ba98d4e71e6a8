using System.Text.RegularExpressions;
using HwForge.WebUI.Hosting;

namespace HwForge.WebUI.Tests;

/// <summary>
/// Over real HTTP to a real server on 127.0.0.1: security headers on every response, only loopback Host names
/// answered without a token (DNS rebinding), and pages that need no inline script or style.
/// </summary>
public sealed partial class HostAndHeaderTests(OfflineServer fixture) : IClassFixture<OfflineServer>
{
    private readonly WebUiServer _server = fixture.Server;

    private string Own => $"127.0.0.1:{_server.Port}";

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/chat.js")]
    [InlineData("/assets/app.css")]
    [InlineData("/runs/no-such-run")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_blazor")]
    [InlineData("/runs/no-such-run/download")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_content_security_policy_and_the_other_security_headers(string path)
    {
        var response = await RawHttp.GetAsync(_server.Port, path, Own);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_refused_request_carries_the_security_headers_too()
    {
        AssertSecurityHeaders(await RawHttp.GetAsync(_server.Port, "/", "rebound.example"));
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task The_server_answers_to_its_own_loopback_names(string host)
    {
        var response = await RawHttp.GetAsync(_server.Port, "/", host.Replace("{port}", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(200, response.Status);
        Assert.Contains("What should HwForge build?", response.Body);
    }

    [Theory]
    [InlineData("rebound.example:{port}")]     // a DNS-rebinding page: its own name, now resolving to 127.0.0.1
    [InlineData("rebound.example")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("127.0.0.1:{other}")]          // another port: not this server's origin
    [InlineData("localhost")]                  // port 80 implied
    [InlineData("192.168.0.10:{port}")]
    public async Task A_request_naming_any_other_host_is_refused_with_421_and_a_sentence(string host)
    {
        var port = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await RawHttp.GetAsync(_server.Port, "/", host.Replace("{port}", port).Replace("{other}", (_server.Port == 65535 ? 1 : _server.Port + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(421, response.Status);
        Assert.Contains("answers only to http://127.0.0.1, http://localhost or http://[::1]", response.Body);
        Assert.DoesNotContain("What should HwForge build?", response.Body);
        Assert.Null(response.Header("set-cookie")); // not even a session is handed out
    }

    [Fact]
    public async Task A_rebound_page_cannot_read_a_run_or_open_a_circuit()
    {
        Assert.Equal(421, (await RawHttp.GetAsync(_server.Port, "/_blazor", $"rebound.example:{_server.Port}")).Status);
        Assert.Equal(421, (await RawHttp.GetAsync(_server.Port, "/runs/x/download", $"rebound.example:{_server.Port}")).Status);
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_style_or_event_handler_so_the_policy_needs_no_unsafe_inline()
    {
        var html = (await RawHttp.GetAsync(_server.Port, "/", Own)).Body;

        Assert.Contains("<script src=\"/assets/chat.js\"></script>", html);
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(StyleOrHandlerAttribute(), html);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy);
    }

    private static void AssertSecurityHeaders(RawResponse response)
    {
        var csp = response.Header("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("img-src 'self'", csp);
        Assert.Equal("DENY", response.Header("x-frame-options"));
        Assert.Equal("nosniff", response.Header("x-content-type-options"));
        Assert.Equal("no-referrer", response.Header("referrer-policy"));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\s(style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrHandlerAttribute();
}
