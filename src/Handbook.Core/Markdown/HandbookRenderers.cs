using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>Per-render state shared by the renderers below: the links of the page being rendered.</summary>
public sealed class PageLinksHolder
{
    public IPageLinks Links { get; set; } = NoPageLinks.Instance;
}

/// <summary><c>#3</c> becomes a link to archetype 3's page; an unknown number stays text (the link stage has warned about it).</summary>
public sealed class ArchetypeReferenceRenderer(PageLinksHolder page) : HtmlObjectRenderer<ArchetypeReferenceInline>
{
    /// <summary>The holder this render's renderers share; <see cref="MarkdownRenderer"/> sets the page's links on it.</summary>
    public PageLinksHolder Page => page;

    protected override void Write(HtmlRenderer renderer, ArchetypeReferenceInline reference)
    {
        var text = "#" + reference.Number.ToString(CultureInfo.InvariantCulture);
        var href = page.Links.ArchetypeHref(reference.Number);
        if (href is null || !renderer.EnableHtmlForInline)
        {
            renderer.Write(text);
            return;
        }

        renderer.Write("<a class=\"archetype-ref\" href=\"").WriteComputedUrl(href).Write("\">").Write(text).Write("</a>");
    }
}

/// <summary>Headings with their id, a permalink, and for a question heading a link to its entry in the question index.</summary>
public sealed class HandbookHeadingRenderer(PageLinksHolder page) : HtmlObjectRenderer<HeadingBlock>
{
    private static readonly string[] Tags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    protected override void Write(HtmlRenderer renderer, HeadingBlock heading)
    {
        var tag = Tags[Math.Clamp(heading.Level + page.Links.HeadingOffset, 1, 6) - 1];
        var attributes = heading.TryGetAttributes();
        var id = attributes?.Id is { } ownId ? page.Links.HeadingIdPrefix + ownId : null;
        renderer.EnsureLine();
        renderer.Write('<').Write(tag);
        if (attributes is not null)
        {
            var written = new HtmlAttributes();
            attributes.CopyTo(written);
            written.Id = id;
            renderer.WriteAttributes(written);
        }

        renderer.Write('>');
        renderer.WriteLeafInline(heading);
        if (id is not null)
        {
            var question = page.Links.QuestionHref(attributes!.Id!);
            if (question is not null)
            {
                renderer.Write(" <a class=\"question-link\" href=\"").WriteComputedUrl(question).Write("\" title=\"This question in the question index\">Q</a>");
            }

            renderer.Write("<a class=\"headerlink\" href=\"").WriteComputedUrl("#" + id).Write("\" title=\"Permanent link\" aria-label=\"Permanent link to this section\">¶</a>");
        }

        renderer.Write("</").Write(tag).WriteLine('>');
    }
}

/// <summary>Only http(s), mailto and relative links survive as links; anything else (<c>javascript:</c>, <c>data:</c>) is rendered as its text.</summary>
public static class SafeUrls
{
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon)
        {
            return true; // the colon is after the path starts: a relative URL such as "a/b:c"
        }

        var scheme = trimmed[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class SafeLinkInlineRenderer : LinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (SafeUrls.IsSafe(link.Url))
        {
            base.Write(renderer, link);
        }
        else
        {
            renderer.WriteChildren(link);
        }
    }
}

public sealed class SafeAutolinkInlineRenderer : AutolinkInlineRenderer
{
    protected override void Write(HtmlRenderer renderer, AutolinkInline link)
    {
        if (SafeUrls.IsSafe(link.IsEmail ? "mailto:" + link.Url : link.Url))
        {
            base.Write(renderer, link);
        }
        else
        {
            renderer.WriteEscape(link.Url);
        }
    }
}

internal static class ComputedUrls
{
    /// <summary>
    /// Writes an href the site computed itself (already relative to the page), bypassing <see cref="HtmlRenderer.LinkRewriter"/>,
    /// which is for links written in Markdown and would rewrite it a second time.
    /// </summary>
    public static HtmlRenderer WriteComputedUrl(this HtmlRenderer renderer, string url)
    {
        var rewriter = renderer.LinkRewriter;
        renderer.LinkRewriter = null;
        renderer.WriteEscapeUrl(url);
        renderer.LinkRewriter = rewriter;
        return renderer;
    }
}
