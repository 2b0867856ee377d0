using Handbook.Markdown.Admonitions;
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
    public static MarkdownPipeline Guide { get; } = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .UseAbbreviations()
        .Use(new HandbookMarkdownExtension(archetypeReferences: true))
        .Use(new AdmonitionExtension())
        .Use(new TabsExtension())
        .Use(new MermaidExtension())
        .Use(new HeadingIdExtension())
        .UseGenericAttributes() // must come last: it wraps the other parsers
        .Build();

    /// <summary>
    /// Story fields: inline Markdown only (emphasis, links, code). Raw HTML is disabled, so <c>p99 &lt;10 ms</c> stays text,
    /// and with no block parsers but paragraphs a field can't turn into a heading or a list.
    /// </summary>
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
