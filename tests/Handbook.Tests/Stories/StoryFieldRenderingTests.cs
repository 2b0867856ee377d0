using AngleSharp.Html.Parser;
using Handbook.Markdown;
using Handbook.Text;

namespace Handbook.Tests.Stories;

/// <summary>Story fields are inline Markdown: HTML in them is text, only safe links survive, and a result's numbers are emphasised.</summary>
public sealed class StoryFieldRenderingTests
{
    [Fact]
    public void Html_looking_text_is_shown_as_text()
    {
        Assert.Equal("p99 &lt;10 ms and p50 &gt; 2 ms", MarkdownRenderer.RenderInline("p99 <10 ms and p50 > 2 ms"));
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; done", MarkdownRenderer.RenderInline("<script>alert(1)</script> done"));
        Assert.Equal("&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;", MarkdownRenderer.RenderInline("<b onclick=\"x()\">bold</b>"));
    }

    [Fact]
    public void Inline_markdown_renders()
    {
        Assert.Equal("I <em>owned</em> the <code>&lt;pool&gt;</code> fix", MarkdownRenderer.RenderInline("I *owned* the `<pool>` fix"));
        Assert.Equal("<a href=\"https://example.com/a\">runbook</a> and <a href=\"mailto:me@example.com\">mail</a> and <a href=\"notes.html\">notes</a>",
            MarkdownRenderer.RenderInline("[runbook](https://example.com/a) and [mail](mailto:me@example.com) and [notes](notes.html)"));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))", "click")]
    [InlineData("[click](JavaScript:alert(1))", "click")]
    [InlineData("[img](data:text/html;base64,PHNjcmlwdD4=)", "img")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    public void Unsafe_links_become_their_text(string markdown, string text)
    {
        var html = MarkdownRenderer.RenderInline(markdown);
        var fragment = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        Assert.Empty(fragment.QuerySelectorAll("a"));
        Assert.Equal(text, fragment.TextContent);
    }

    [Fact]
    public void A_field_cannot_become_a_block()
    {
        var html = MarkdownRenderer.RenderInline("# not a heading\n- not a list");
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<li", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_numbers_percentages_multiples_and_durations_are_emphasised()
    {
        var html = MarkdownRenderer.RenderInline(
            "Failures fell from 3% to 0.1%, p99 <10 ms, 25x more tenants, $400k closed, time cut from 4 hours to three weeks, costs halved.",
            emphasiseMeasures: true);
        Assert.Equal(
            "Failures fell from <strong class=\"num\">3%</strong> to <strong class=\"num\">0.1%</strong>, p99 &lt;<strong class=\"num\">10 ms</strong>, "
            + "<strong class=\"num\">25x</strong> more tenants, <strong class=\"num\">$400k</strong> closed, time cut from <strong class=\"num\">4 hours</strong> "
            + "to <strong class=\"num\">three weeks</strong>, costs <strong class=\"num\">halved</strong>.",
            html);
    }

    [Fact]
    public void Emphasis_never_reaches_into_code_link_targets_or_markup()
    {
        var html = MarkdownRenderer.RenderInline("See `42 ms` and [report 7](https://example.com/v2/3) and <img src=1> then *down 50%*", emphasiseMeasures: true);
        Assert.Equal(
            "See <code>42 ms</code> and <a href=\"https://example.com/v2/3\">report <strong class=\"num\">7</strong></a> and &lt;img src=<strong class=\"num\">1</strong>&gt; then <em>down <strong class=\"num\">50%</strong></em>",
            html);
        var fragment = new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!;
        Assert.Empty(fragment.QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("p99 latency")]
    [InlineData("one of the team")]
    [InlineData("a manifold of options")]
    [InlineData("version v2 shipped")]
    public void Names_with_digits_and_bare_number_words_are_not_measures(string text)
    {
        Assert.False(Measures.Any(text));
        Assert.DoesNotContain("num", MarkdownRenderer.RenderInline(text, emphasiseMeasures: true), StringComparison.Ordinal);
    }
}
