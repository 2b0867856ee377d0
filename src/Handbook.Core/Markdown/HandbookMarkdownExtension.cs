using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;

namespace Handbook.Markdown;

/// <summary>Adds archetype references, permalinked headings and safe links to a pipeline.</summary>
public sealed class HandbookMarkdownExtension(bool archetypeReferences) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (archetypeReferences && !pipeline.InlineParsers.Contains<ArchetypeReferenceParser>())
        {
            pipeline.InlineParsers.Add(new ArchetypeReferenceParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        var page = new PageLinksHolder();
        html.ObjectRenderers.Add(new ArchetypeReferenceRenderer(page));
        html.ObjectRenderers.Replace<HeadingRenderer>(new HandbookHeadingRenderer(page));
        html.ObjectRenderers.Replace<LinkInlineRenderer>(new SafeLinkInlineRenderer());
        html.ObjectRenderers.Replace<AutolinkInlineRenderer>(new SafeAutolinkInlineRenderer());
    }
}
