using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Handbook.Markdown.Mermaid;

/// <summary>Which code fences are Mermaid diagrams, and whether a page has any (only those pages load the renderer).</summary>
public static class MermaidDiagrams
{
    public static bool IsDiagram(CodeBlock block) =>
        block is FencedCodeBlock fenced && string.Equals(fenced.Info, "mermaid", StringComparison.OrdinalIgnoreCase);

    public static bool In(MarkdownObject markdown) => markdown switch
    {
        CodeBlock code => IsDiagram(code),
        ContainerBlock container => container.Descendants<FencedCodeBlock>().Any(IsDiagram),
        _ => false,
    };

    public static bool InAny(IEnumerable<Block> blocks) => blocks.Any(b => In(b));
}

/// <summary>
/// A <c>```mermaid</c> fence becomes a diagram holder with its source as a readable code block inside: the theme's script
/// draws the diagram beside it and hides the source on screen; without JavaScript, and in print, the source is what shows.
/// Every other code block renders as Markdig renders it.
/// </summary>
public sealed class MermaidCodeBlockRenderer : CodeBlockRenderer
{
    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        if (!MermaidDiagrams.IsDiagram(block) || !renderer.EnableHtmlForBlock)
        {
            base.Write(renderer, block);
            return;
        }

        renderer.EnsureLine();
        renderer.Write("<div class=\"diagram\" data-diagram=\"mermaid\">");
        renderer.Write("<pre class=\"diagram-source\"><code class=\"language-mermaid\">");
        renderer.WriteLeafRawLines(block, true, true);
        renderer.WriteLine("</code></pre></div>");
    }
}
