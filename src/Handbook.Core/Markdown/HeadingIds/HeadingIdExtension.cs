using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Handbook.Markdown.HeadingIds;

/// <summary>
/// Explicit heading ids in both dialects: Docusaurus <c>## Title {#custom-id}</c> and MkDocs attribute lists
/// <c>## Title { #id .class }</c> are read by Markdig's generic attributes; Python-Markdown's optional colon
/// (<c>{: #id .class }</c>) reaches them as a nameless <c>:</c> attribute, which is dropped here so it never reaches the HTML.
/// </summary>
public sealed class HeadingIdExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= DropAttributeListColons;
        pipeline.DocumentProcessed += DropAttributeListColons;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void DropAttributeListColons(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<Block>())
        {
            if (block.TryGetAttributes()?.Properties is { } properties)
            {
                properties.RemoveAll(p => p.Key == ":");
            }
        }
    }
}
