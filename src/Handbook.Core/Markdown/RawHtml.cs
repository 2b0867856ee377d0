using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>Whether Markdown holds HTML written by its author (an HTML block or inline tag), which Markdig copies out unchecked.</summary>
public static class RawHtml
{
    public static bool In(MarkdownObject markdown) =>
        markdown is HtmlBlock or HtmlInline || markdown.Descendants().Any(node => node is HtmlBlock or HtmlInline);
}
