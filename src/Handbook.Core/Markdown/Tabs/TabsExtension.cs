using Markdig;
using Markdig.Renderers;

namespace Handbook.Markdown.Tabs;

/// <summary>Content tabs: MkDocs <c>=== "Label"</c> and Docusaurus <c>&lt;Tabs&gt;</c>/<c>&lt;TabItem&gt;</c>, rendered alike.</summary>
public sealed class TabsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<MkDocsTabParser>())
        {
            pipeline.BlockParsers.Insert(0, new MkDocsTabParser());
            pipeline.BlockParsers.Insert(0, new DocusaurusTabsParser());
        }

        pipeline.DocumentProcessed -= TabSetGrouper.Group;
        pipeline.DocumentProcessed += TabSetGrouper.Group;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<TabSetRenderer>())
        {
            html.ObjectRenderers.Insert(0, new TabSetRenderer());
            html.ObjectRenderers.Insert(0, new DroppedLineRenderer());
        }
    }
}
