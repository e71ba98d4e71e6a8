using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HwForge.WebUI.Rendering;

/// <summary>
/// Agent text to HTML: Markdown through Markdig with raw HTML disabled (markup shows as text). What a model writes
/// is untrusted, so links survive only to http(s), mailto or a relative path (a <c>javascript:</c> or <c>data:</c>
/// link, autolinks included, becomes its plain text), and images never load: each becomes its alt text, so agent
/// text cannot fetch a tracking beacon.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        // Both lists are taken before anything changes: once a link is unwrapped, walking the tree again misses nodes.
        var links = document.Descendants<LinkInline>().ToList();
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var autolink in autolinks)
            if (!autolink.IsEmail && !LinkUrls.IsSafe(autolink.Url)) ReplaceWithText(autolink, autolink.Url);
        // Innermost first, so an image inside a link is replaced before the link around it is unwrapped.
        foreach (var link in Enumerable.Reverse(links))
        {
            if (link.IsImage) ReplaceWithText(link, ImageText(link));
            else if (!LinkUrls.IsSafe(link.Url)) Unwrap(link);
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    // "[image: a chart]" shows that something was there without loading it.
    private static string ImageText(LinkInline image)
    {
        var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        return alt.Length == 0 ? "[image]" : $"[image: {alt}]";
    }

    private static void ReplaceWithText(Inline inline, string text) => inline.ReplaceBy(new LiteralInline(text));

    // The link's words stay, as plain text, where the link was.
    private static void Unwrap(LinkInline link)
    {
        foreach (var child in link.ToList())
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }
}
