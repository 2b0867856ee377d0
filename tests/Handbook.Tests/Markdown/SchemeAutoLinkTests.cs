using System.Text;
using CsCheck;
using Handbook.Markdown;
using Handbook.Markdown.AutoLinks;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Tests.Markdown;

/// <summary>
/// <see cref="SchemeAutoLinkParser"/> finds bare links from the <c>:</c> or <c>.</c> after their scheme rather than from their first
/// letter: the trees it makes must be the ones Markdig's <see cref="AutoLinkExtension"/> makes, node for node (kind, place, text,
/// link), on random Markdown that puts links beside emphasis, brackets, code, HTML, entities, escapes, tables and line breaks.
/// </summary>
public sealed class SchemeAutoLinkTests
{
    private static readonly MarkdownPipeline MarkdigGuide = MarkdownPipelines.GuideBuilder(new AutoLinkExtension(new AutoLinkOptions())).Build();

    private static readonly string[] Fragments =
    [
        "http://example.org", "https://example.org/a_b?q=1&r=2#x", "www.example.com", "www.", "http://", "https://x", "ftp://files.example.net/f",
        "mailto:someone@example.org", "mailto:@x", "tel:+44123", "tel:", "http:", "https:/x", "xhttp://a.b", "wwww.a.b", "(http://a.b/c)", "www.a.b.",
        "see", "the", "what", "from", "me", "ht", "tp", "www", "http", ":", "::", ".", "..", " ", " ", " ", "  ", "\t", "\n", "\n\n", "  \n",
        "*", "**", "_", "__", "~", "~~", "^", "+", "=", "[", "]", "](", "(", ")", "[x](http://a.b)", "![i](www.a.b)", "<http://a.b>", "`", "`code http://a.b`",
        "<a href=\"x\">", "</a>", "<b>", "</b>", "&amp;", "&#104;ttp://a.b", "\\", "\\*", "\\(", "|", "| a | b |\n|---|:-:|\n| ", "#3", "{#id}", "{.c}",
        "> ", "- ", "1. ", "# ", "    ", "[^1]", "[^1]: ", "*[HTML]: Hyper", "HTML", "!!! note", ":::tip", "e\u0301", "面试", "\u00a0", "http://例え.jp",
        "https://a.b/c*", "www.a.b_", "https://a.b/(x)", "http://a.b/c.", "http://a.b/c,d", "https://a.b?", "mailto:a@b.c.", "Http://a.b", "WWW.a.b",
    ];

    private static readonly Gen<string> RandomMarkdown = Gen.Int[0, Fragments.Length - 1].Array[1, 40]
        .Select(ix => string.Concat(ix.Select(i => Fragments[i])));

    [Fact]
    public void Random_markdown_parses_to_the_tree_Markdigs_parser_makes()
    {
        RandomMarkdown.Sample(text =>
        {
            Assert.Equal(Dump(Markdig.Markdown.Parse(text, MarkdigGuide)), Dump(Markdig.Markdown.Parse(text, MarkdownPipelines.Guide)));
            Assert.Equal(Markdig.Markdown.ToHtml(text, MarkdigGuide), Markdig.Markdown.ToHtml(text, MarkdownPipelines.Guide));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("see https://example.org/a, then www.example.com.", "<a href=\"https://example.org/a\">https://example.org/a</a>")]
    [InlineData("see https://example.org/a, then www.example.com.", "<a href=\"http://www.example.com\">www.example.com</a>")]
    [InlineData("**https://example.org**", "<strong><a href=\"https://example.org\">https://example.org</a></strong>")]
    [InlineData("(mailto:someone@example.org)", "<a href=\"mailto:someone@example.org\">someone@example.org</a>")]
    [InlineData("| a |\n|---|\n| see https://example.org |", "<td>see <a href=\"https://example.org\">https://example.org</a></td>")]
    public void Bare_links_become_links(string markdown, string link)
    {
        Assert.Contains(link, Markdig.Markdown.ToHtml(markdown, MarkdownPipelines.Guide), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xhttps://example.org")]
    [InlineData("`https://example.org`")]
    [InlineData("[text https://example.org")]
    [InlineData("<a href=\"x\">https://example.org</a>")]
    [InlineData("https:// and www. alone")]
    public void Text_that_Markdig_leaves_alone_stays_text(string markdown)
    {
        Assert.Equal(Markdig.Markdown.ToHtml(markdown, MarkdigGuide), Markdig.Markdown.ToHtml(markdown, MarkdownPipelines.Guide));
        Assert.DoesNotContain("<a href=\"https://example.org\">https://example.org</a>", Markdig.Markdown.ToHtml(markdown, MarkdownPipelines.Guide), StringComparison.Ordinal);
    }

    /// <summary>Every node in document order: its kind, place and what it holds.</summary>
    private static string Dump(MarkdownDocument document)
    {
        var dump = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            dump.Append(node.GetType().Name).Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End)
                .Append(" @").Append(node.Line).Append(':').Append(node.Column);
            switch (node)
            {
                case LiteralInline literal:
                    dump.Append(" '").Append(literal.Content.ToString()).Append('\'');
                    break;
                case LinkInline link:
                    dump.Append(" url=").Append(link.Url).Append(" auto=").Append(link.IsAutoLink).Append(" url-span=").Append(link.UrlSpan.Start).Append('-').Append(link.UrlSpan.End);
                    break;
                case ContainerInline container:
                    dump.Append(" children=").Append(container.Count());
                    break;
            }

            dump.Append('\n');
        }

        return dump.ToString();
    }
}
