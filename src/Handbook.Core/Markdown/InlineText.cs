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
        AppendTrimmed(inline, text);
        return text.ToString();
    }

    /// <summary>Adds the text of <paramref name="inline"/> to <paramref name="text"/> as <see cref="Of(Inline)"/> gives it, trimmed.</summary>
    private static void AppendTrimmed(Inline inline, StringBuilder text)
    {
        var start = text.Length;
        Append(inline, text);
        Trim(text, start);
    }

    /// <summary>Trims white space (as <see cref="string.Trim()"/> does) off what <paramref name="text"/> holds from <paramref name="start"/> on, in place.</summary>
    public static void Trim(StringBuilder text, int start)
    {
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        text.Length = end;
        var first = start;
        while (first < end && char.IsWhiteSpace(text[first]))
        {
            first++;
        }

        text.Remove(start, first - start);
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
        var text = new StringBuilder();
        AppendBlock(block, text);
        return text.ToString();
    }

    /// <summary>Adds what <see cref="OfBlock"/> gives to <paramref name="text"/>, without a string of its own (the search index reads every block).</summary>
    public static void AppendBlock(Block block, StringBuilder text)
    {
        // Descendants() does not include the block itself, so a lone paragraph would come out empty.
        if (block is LeafBlock single)
        {
            if (single.Inline is not null)
            {
                AppendTrimmed(single.Inline, text);
            }

            return;
        }

        var start = text.Length;
        foreach (var leaf in block.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                if (text.Length > start)
                {
                    text.Append(' ');
                }

                AppendTrimmed(leaf.Inline, text);
            }
        }
    }
}
