using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HwForge.WebUI.Rendering;

/// <summary>
/// Agent text to HTML: Markdown through Markdig with raw HTML disabled (markup shows as text), and links
/// kept only when they go to http(s), mailto or a relative path, so a model cannot plant a javascript: link.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().DisableHtml().Build();

    public static string ToHtml(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafe(link.Url)) link.Url = "#";
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        if (!Uri.TryCreate(url.Trim(), UriKind.RelativeOrAbsolute, out var uri)) return false;
        if (!uri.IsAbsoluteUri) return !url.TrimStart().Contains(':');
        return uri.Scheme is "http" or "https" or "mailto";
    }
}
