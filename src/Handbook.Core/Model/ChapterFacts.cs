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
    public static IReadOnlyList<MarkdownLink> Links(MarkdownDocument document) =>
        document.Descendants<LinkInline>().Select(l => new MarkdownLink(l.Url ?? "", l.Line, l.Column)).ToList();

    public static IReadOnlyList<ArchetypeReference> ArchetypeReferences(MarkdownDocument document) =>
        document.Descendants<LeafBlock>()
            .Where(l => l.Inline is not null)
            .SelectMany(l => l.Inline!.Descendants<ArchetypeReferenceInline>())
            .Select(r => new ArchetypeReference(r.Number, r.Line, r.Column))
            .ToList();

    public static IReadOnlyList<string> BlockIds(MarkdownDocument document) =>
        document.Descendants().OfType<Block>()
            .Where(b => b is not HeadingBlock)
            .Select(b => b.TryGetAttributes()?.Id)
            .OfType<string>()
            .ToList();

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
                body.Append(InlineText.OfBlock(block)).Append(' ');
            }
        }

        sections.Add(new SearchSection(title, section, anchor, Utf8(body)));
        return sections;
    }

    private static byte[] Utf8(StringBuilder text) => Encoding.UTF8.GetBytes(text.ToString().Trim());

    /// <summary>The first paragraph's text, cut at a word near 200 characters; null when the page has none.</summary>
    public static string? Lead(MarkdownDocument document)
    {
        const int Limit = 200;
        if (document.Descendants<ParagraphBlock>().FirstOrDefault() is not { } paragraph || InlineText.Of(paragraph).Trim() is not { Length: > 0 } text)
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
