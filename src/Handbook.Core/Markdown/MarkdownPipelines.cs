using Handbook.Markdown.Admonitions;
using Handbook.Markdown.AutoLinks;
using Handbook.Markdown.HeadingIds;
using Handbook.Markdown.Mermaid;
using Handbook.Markdown.Tabs;
using Markdig;
using Markdig.Parsers;

namespace Handbook.Markdown;

/// <summary>The Markdig pipelines, each built once: a frozen pipeline is immutable, thread-safe and meant to be reused.</summary>
public static class MarkdownPipelines
{
    /// <summary>
    /// Guide pages: GFM tables, front matter, archetype references, generic attributes for explicit markup, and the dialects of
    /// MkDocs Material, Docusaurus and GitHub (call-outs, content tabs, explicit heading ids, abbreviations, Mermaid diagrams).
    /// </summary>
    public static MarkdownPipeline Guide { get; } = GuideBuilder(new SchemeAutoLinkExtension()).Build();

    /// <summary>
    /// The guide pipeline, its bare links found by <paramref name="autoLinks"/>: <see cref="SchemeAutoLinkExtension"/>, or in tests
    /// Markdig's own, which it must equal. Generic because Markdig adds an extension only if none of its static type is there yet.
    /// Precise source positions are on, which <see cref="SchemeAutoLinkParser"/> needs to give the text before a link its span.
    /// </summary>
    internal static MarkdownPipelineBuilder GuideBuilder<TAutoLinks>(TAutoLinks autoLinks)
        where TAutoLinks : class, IMarkdownExtension => new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .Use(autoLinks)
        .UseFootnotes()
        .UseAbbreviations()
        .Use(new HandbookMarkdownExtension(archetypeReferences: true))
        .Use(new AdmonitionExtension())
        .Use(new TabsExtension())
        .Use(new MermaidExtension())
        .Use(new HeadingIdExtension())
        .UseGenericAttributes(); // must come last: it wraps the other parsers

    /// <summary>
    /// Story fields: inline Markdown only (emphasis, links, code). Raw HTML is disabled, so <c>p99 &lt;10 ms</c> stays text,
    /// and with no block parsers but paragraphs a field can't turn into a heading or a list.
    /// </summary>
    /// <remarks>
    /// Bare links are found by Markdig's own parser: a field is a sentence, and without precise source positions (which a field
    /// has no use for) <see cref="SchemeAutoLinkParser"/> would not give the text before a link the span Markdig gives it.
    /// </remarks>
    public static MarkdownPipeline StoryField { get; } = BuildStoryField();

    private static MarkdownPipeline BuildStoryField()
    {
        var builder = new MarkdownPipelineBuilder()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .DisableHtml()
            .Use(new HandbookMarkdownExtension(archetypeReferences: false));
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }
}
