using Handbook.Markdown;
using Handbook.Tests.Support;

namespace Handbook.Tests.Markdown;

/// <summary>Each thread reuses its Markdig renderers (see <see cref="MarkdownRenderer"/>): nothing of one render may reach the next.</summary>
public sealed class RendererReuseTests
{
    private sealed class PrintPageLinks(string prefix) : IPageLinks
    {
        public string? ArchetypeHref(int number) => $"{prefix}archetype-{number}.html";

        public string RewriteUrl(string url) => prefix + url;

        public string? QuestionHref(string headingId) => null;

        public int HeadingOffset => 1;

        public string HeadingIdPrefix => prefix;
    }

    private static readonly string Chapter = "# Ownership\n\nSee #3 and [the map](map.md).\n\n## When it went wrong\n\n- one\n- two\n\n```\ncode\n```\n";

    [Fact]
    public void A_renderer_used_before_writes_what_a_new_one_writes()
    {
        var chapter = Markdig.Markdown.Parse(Chapter, MarkdownPipelines.Guide);
        var other = Markdig.Markdown.Parse("Ends without a newline, inside a list:\n\n- a *b*", MarkdownPipelines.Guide);
        string RenderChapter() => MarkdownRenderer.Render((Markdig.Syntax.MarkdownObject)chapter, MarkdownPipelines.Guide, new PrintPageLinks("b-"));
        string RenderField() => MarkdownRenderer.RenderInline("Cut latency by 40% in 3 weeks, see [notes](notes.md)", emphasiseMeasures: true, new PrintPageLinks("b-"));

        var fresh = (Chapter: RenderStages.OnANewThread(RenderChapter), Field: RenderStages.OnANewThread(RenderField));

        // This thread's renderers first write other Markdown, for other links, ending mid-line, in every kind.
        _ = MarkdownRenderer.Render((Markdig.Syntax.MarkdownObject)other, MarkdownPipelines.Guide, new PrintPageLinks("a-"));
        _ = MarkdownRenderer.RenderInline("plain *field*", links: new PrintPageLinks("a-"));
        _ = MarkdownRenderer.RenderInline("2x faster", emphasiseMeasures: true, new PrintPageLinks("a-"));

        Assert.Equal(fresh.Chapter, RenderChapter());
        Assert.Equal(fresh.Field, RenderField());
        Assert.Contains("b-archetype-3.html", fresh.Chapter, StringComparison.Ordinal);
        Assert.DoesNotContain("a-", RenderChapter(), StringComparison.Ordinal);
        Assert.Equal(RenderChapter(), RenderChapter());
    }

    [Fact]
    public void A_field_rendered_with_no_page_after_one_with_a_page_keeps_its_links_as_written()
    {
        _ = MarkdownRenderer.RenderInline("see #3 and [x](x.md)", links: new PrintPageLinks("a-"));

        var html = MarkdownRenderer.RenderInline("see #3 and [x](x.md)");

        Assert.Equal(RenderStages.OnANewThread(() => MarkdownRenderer.RenderInline("see #3 and [x](x.md)")), html);
        Assert.Contains("href=\"x.md\"", html, StringComparison.Ordinal);
    }
}
