using HwForge.WebUI.Rendering;

namespace HwForge.WebUI.Tests;

/// <summary>Agent text is untrusted: no script link of any spelling survives, and no image ever loads.</summary>
public sealed class MarkdownSafetyTests
{
    [Theory]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("done <javascript:alert(1)>")]
    [InlineData("<javascript:alert(1)> [more](JavaScript:alert(1))")]
    [InlineData("<javascript:alert(1)> ![](http://tracker.example/beacon.png)")]
    [InlineData("done <javascript:alert(document.cookie)> [more](JavaScript:alert(1)) ![](http://tracker.example/beacon.png)")]
    [InlineData("<JavaScript:alert(1)>")]
    [InlineData("<vbscript:msgbox(1)>")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](jAvAsCrIpT:alert(1))")]
    [InlineData("[x]( javascript:alert(1))")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](java&#10;script:alert(1))")]
    [InlineData("[x](&#x6A;avascript:alert(1))")]
    [InlineData("[x](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[x](Data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x][r]\n\n[r]: javascript:alert(1)")]
    public void A_link_whose_scheme_is_not_http_https_or_mailto_becomes_plain_text(string markdown)
    {
        var html = MarkdownText.ToHtml(markdown);

        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("href", html);
    }

    [Fact]
    public void An_unsafe_link_keeps_its_words_as_text()
    {
        var html = MarkdownText.ToHtml("see [the **report**](javascript:alert(1)) now");

        Assert.Equal("<p>see the <strong>report</strong> now</p>", html.Trim());
    }

    [Theory]
    [InlineData("![](http://tracker.example/x.png)", "[image]")]
    [InlineData("![a chart](https://tracker.example/pixel.gif?u=1)", "[image: a chart]")]
    [InlineData("![x](data:image/png;base64,iVBORw0KGgo=)", "[image: x]")]
    [InlineData("![pic][r]\n\n[r]: http://tracker.example/r.png", "[image: pic]")]
    [InlineData("[![inner](http://tracker.example/i.png)](https://example.org)", "[image: inner]")]
    [InlineData("[![inner](http://tracker.example/i.png)](javascript:alert(1))", "[image: inner]")]
    public void An_image_is_never_loaded_and_shows_as_its_alt_text(string markdown, string text)
    {
        var html = MarkdownText.ToHtml(markdown);

        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("tracker.example", html);
        Assert.DoesNotContain("data:", html);
        Assert.Contains(text, html);
    }

    [Theory]
    [InlineData("[docs](https://example.org/a)", "href=\"https://example.org/a\"")]
    [InlineData("[mail](mailto:someone@example.org)", "href=\"mailto:someone@example.org\"")]
    [InlineData("<https://example.org/b>", "href=\"https://example.org/b\"")]
    [InlineData("see https://example.org/c", "href=\"https://example.org/c\"")]
    [InlineData("[run](/runs/abc)", "href=\"/runs/abc\"")]
    [InlineData("[HTTP](HTTPS://example.org/d)", "href=\"HTTPS://example.org/d\"")]
    [InlineData("<someone@example.org>", "href=\"mailto:someone@example.org\"")]
    public void Links_to_the_web_mail_and_this_site_stay_links(string markdown, string expected)
    {
        Assert.Contains(expected, MarkdownText.ToHtml(markdown));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("/runs/a", true)]
    [InlineData("report.md#top", true)]
    [InlineData("https://example.org", true)]
    [InlineData("MAILTO:a@example.org", true)]
    [InlineData("javascript:x", false)]
    [InlineData(" \u0001javascript:x", false)]
    [InlineData("java\tscript:x", false)]
    [InlineData("java\nscript:x", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("blob:https://example.org/x", false)]
    [InlineData(":x", false)]
    public void A_url_is_judged_by_its_scheme_the_way_a_browser_reads_it(string url, bool safe) =>
        Assert.Equal(safe, LinkUrls.IsSafe(url));
}
