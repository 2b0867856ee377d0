using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Handbook.Markdown.Mermaid;

/// <summary>Mermaid code fences render as diagrams (drawn by the theme's bundled Mermaid) over their readable source.</summary>
public sealed class MermaidExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new MermaidCodeBlockRenderer());
        }
    }
}
