using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace Handbook.Markdown.Admonitions;

/// <summary>
/// Call-outs in the three dialects guides are written in: MkDocs (<see cref="MkDocsAdmonitionParser"/>), Docusaurus
/// (Markdig's own <c>:::</c> custom-container parser) and GitHub alerts (Markdig's alert parser). The latter two are turned
/// into <see cref="AdmonitionBlock"/>s when the document is parsed, so one renderer draws them all.
/// </summary>
public sealed class AdmonitionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<MkDocsAdmonitionParser>())
        {
            pipeline.BlockParsers.Insert(0, new MkDocsAdmonitionParser());
        }

        // Only the block form of custom containers: the inline '::text::' form would eat colons in prose.
        pipeline.BlockParsers.AddIfNotAlready<CustomContainerParser>();
        new AlertExtension().Setup(pipeline);
        pipeline.DocumentProcessed -= AdmonitionConverter.Convert;
        pipeline.DocumentProcessed += AdmonitionConverter.Convert;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<AdmonitionRenderer>())
        {
            var page = html.ObjectRenderers.FindExact<ArchetypeReferenceRenderer>()?.Page ?? new PageLinksHolder();
            html.ObjectRenderers.Insert(0, new AdmonitionRenderer(page));
        }
    }
}
