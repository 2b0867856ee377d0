using System.Text;
using Handbook.Markdown;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Model;

/// <summary>
/// What later stages need of a chapter's tree, found once when it is read: the link check, the search index and the pages'
/// link previews then never walk the tree again, so a large guide can let its trees go after the model stage.
/// </summary>
internal static class ChapterFacts
{
    /// <summary>The links, archetype references and block ids of a tree, in document order, found in one walk of it.</summary>
    public static (IReadOnlyList<MarkdownLink> Links, IReadOnlyList<ArchetypeReference> ArchetypeReferences, IReadOnlyList<string> BlockIds) Walk(MarkdownDocument document)
    {
        var links = new List<MarkdownLink>();
        var references = new List<ArchetypeReference>();
        var ids = new List<string>();
        foreach (var block in document.Descendants<Block>())
        {
            if (block is not HeadingBlock && block.TryGetAttributes()?.Id is { } id)
            {
                ids.Add(id);
            }

            if (block is LeafBlock { Inline: { } inline })
            {
                Walk(inline, links, references);
            }
        }

        return (links, references, ids);
    }

    /// <summary>Every inline below <paramref name="container"/>, each before its children, as Markdig's own <c>Descendants</c> visits them.</summary>
    private static void Walk(ContainerInline container, List<MarkdownLink> links, List<ArchetypeReference> references)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is LinkInline link)
            {
                links.Add(new MarkdownLink(link.Url ?? "", link.Line, link.Column));
            }
            else if (inline is ArchetypeReferenceInline reference)
            {
                references.Add(new ArchetypeReference(reference.Number, reference.Line, reference.Column));
            }

            if (inline is ContainerInline inner)
            {
                Walk(inner, links, references);
            }
        }
    }

    /// <summary>
    /// The text under each heading of level 1 to 3, front matter tags and keywords first (they make the page findable by them).
    /// Results show where a section sits: the chapter, and for an h3 its h2 too.
    /// </summary>
    public static IReadOnlyList<SearchSection> SearchSections(string chapterTitle, IReadOnlyList<string> tags, MarkdownDocument document)
    {
        var sections = new List<SearchSection>();
        var title = chapterTitle;
        var anchor = "";
        var section = chapterTitle;
        string? h2 = null;
        var body = new StringBuilder(string.Join(' ', tags));
        foreach (var block in document)
        {
            if (block is HeadingBlock heading && heading.Level <= 3)
            {
                if (body.Length > 0 || anchor.Length > 0)
                {
                    sections.Add(new SearchSection(title, section, anchor, Utf8(body)));
                }

                title = InlineText.Of(heading);
                if (heading.Level <= 2)
                {
                    h2 = heading.Level == 2 ? title : null;
                    section = chapterTitle;
                }
                else
                {
                    section = h2 is null ? chapterTitle : chapterTitle + " › " + h2;
                }

                anchor = "#" + heading.GetAttributes().Id;
                body.Clear();
                continue;
            }

            if (block is not YamlFrontMatterBlock)
            {
                InlineText.AppendBlock(block, body);
                body.Append(' ');
            }
        }

        sections.Add(new SearchSection(title, section, anchor, Utf8(body)));
        return sections;
    }

    /// <summary>The text, trimmed, in UTF-8: encoded from the builder's own characters, with no string between.</summary>
    private static byte[] Utf8(StringBuilder text)
    {
        InlineText.Trim(text, 0);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            return Encoding.UTF8.GetBytes(chars, 0, text.Length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The first paragraph's text, cut at a word near 200 characters; null when the page has none.</summary>
    public static string? Lead(MarkdownDocument document)
    {
        const int Limit = 200;
        if (document.Descendants<ParagraphBlock>().FirstOrDefault() is not { } paragraph || InlineText.Of(paragraph) is not { Length: > 0 } text)
        {
            return null;
        }

        if (text.Length <= Limit)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Limit);
        return text[..(cut > 100 ? cut : Limit)].TrimEnd(',', ';', ':') + "…";
    }
}
