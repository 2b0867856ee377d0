using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>The plain text of parsed Markdown, as a reader sees it (what a heading's slug and a question's title are made from).</summary>
public static class InlineText
{
    public static string Of(LeafBlock block) => block.Inline is null ? string.Empty : Of(block.Inline);

    public static string Of(Inline inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString().Trim();
    }

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case ArchetypeReferenceInline reference:
                text.Append('#').Append(reference.Number);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }

    /// <summary>The text of a block and everything below it, paragraphs separated by a space.</summary>
    public static string OfBlock(Block block)
    {
        // Descendants() does not include the block itself, so a lone paragraph would come out empty.
        if (block is LeafBlock single)
        {
            return Of(single);
        }

        var text = new StringBuilder();
        foreach (var leaf in block.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(Of(leaf.Inline));
            }
        }

        return text.ToString();
    }
}
