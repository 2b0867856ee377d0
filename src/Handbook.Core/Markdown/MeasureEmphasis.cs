using System.Text;
using Handbook.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>
/// Emphasises the numbers of a story's result. It works on the parsed inline tree, splitting only literal text
/// (never code, link targets or markup), so the emphasis can't break a tag or reach into an attribute.
/// </summary>
public static class MeasureEmphasis
{
    public static void Apply(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is not null)
            {
                Apply(block.Inline);
            }
        }
    }

    private static void Apply(ContainerInline container)
    {
        // Markdig may split one run of text into several literals (at '<', '[' and the like): measure each run as a whole.
        var child = container.FirstChild;
        while (child is not null)
        {
            if (child is LiteralInline first)
            {
                var run = new List<LiteralInline>();
                Inline? next = first;
                while (next is LiteralInline literal)
                {
                    run.Add(literal);
                    next = literal.NextSibling;
                }

                Replace(run);
                child = next;
                continue;
            }

            if (child is ContainerInline inner)
            {
                Apply(inner);
            }

            child = child.NextSibling;
        }
    }

    private static void Replace(List<LiteralInline> run)
    {
        var text = new StringBuilder();
        foreach (var literal in run)
        {
            text.Append(literal.Content.AsSpan());
        }

        var whole = text.ToString();
        var spans = Measures.Find(whole).ToList();
        if (spans.Count == 0)
        {
            return;
        }

        var pieces = new List<Inline>();
        var at = 0;
        foreach (var (start, length) in spans)
        {
            if (start > at)
            {
                pieces.Add(new LiteralInline(whole[at..start]));
            }

            pieces.Add(new MeasureInline(whole.Substring(start, length)));
            at = start + length;
        }

        if (at < whole.Length)
        {
            pieces.Add(new LiteralInline(whole[at..]));
        }

        var anchor = run[0];
        foreach (var piece in pieces)
        {
            anchor.InsertBefore(piece);
        }

        foreach (var literal in run)
        {
            literal.Remove();
        }
    }
}

/// <summary>Writes a <see cref="MeasureInline"/> as <c>&lt;strong class="num"&gt;</c> around its escaped text.</summary>
public sealed class MeasureInlineRenderer : HtmlObjectRenderer<MeasureInline>
{
    protected override void Write(HtmlRenderer renderer, MeasureInline measure)
    {
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<strong class=\"num\">").WriteEscape(measure.Text).Write("</strong>");
        }
        else
        {
            renderer.WriteEscape(measure.Text);
        }
    }
}
