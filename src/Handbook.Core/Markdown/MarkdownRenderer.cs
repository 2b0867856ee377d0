using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Handbook.Markdown;

/// <summary>
/// Renders parsed Markdown to HTML for one page. Each thread reuses its own renderers (as Markdig's own <c>Markdown.ToHtml</c>
/// does): making a new <see cref="HtmlRenderer"/>, and running every extension's setup on it, for each chapter and each story
/// field was a twentieth of what a build allocated.
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(MarkdownObject markdown, MarkdownPipeline pipeline, IPageLinks links)
    {
        var renderer = Rent(RendererKind.Blocks, pipeline, links);
        renderer.Render(markdown);
        return Return(renderer);
    }

    /// <summary>Renders several blocks in order (a section's content without its heading).</summary>
    public static string Render(IEnumerable<Block> blocks, MarkdownPipeline pipeline, IPageLinks links)
    {
        var renderer = Rent(RendererKind.Blocks, pipeline, links);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        return Return(renderer);
    }

    /// <summary>
    /// A story field: inline Markdown, rendered without a paragraph wrapper; HTML in it is shown as text.
    /// With <paramref name="emphasiseMeasures"/> its numbers, percentages, multiples and durations are emphasised;
    /// <paramref name="links"/> rewrites links to content files for the page it appears on.
    /// </summary>
    public static string RenderInline(string text, bool emphasiseMeasures = false, IPageLinks? links = null)
    {
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.StoryField);
        if (emphasiseMeasures)
        {
            MeasureEmphasis.Apply(document);
        }

        var renderer = Rent(emphasiseMeasures ? RendererKind.InlineWithMeasures : RendererKind.Inline, MarkdownPipelines.StoryField, links ?? NoPageLinks.Instance);
        var first = true;
        foreach (var block in document)
        {
            if (!first)
            {
                renderer.Write("<br>");
            }

            renderer.Render(block);
            first = false;
        }

        return Return(renderer).Trim();
    }

    /// <summary>A renderer that wrote more (a whole long guide, for the print page) is let go with its buffer rather than kept by the thread.</summary>
    private const int MaxPooledChars = 256 * 1024;

    private enum RendererKind
    {
        Blocks,
        Inline,
        InlineWithMeasures,
    }

    /// <summary>This thread's idle renderers, by kind. A render that throws never returns its renderer, so no half-written state is reused.</summary>
    [ThreadStatic]
    private static PooledRenderer?[]? t_idle;

    private static PooledRenderer Rent(RendererKind kind, MarkdownPipeline pipeline, IPageLinks links)
    {
        var idle = t_idle ??= new PooledRenderer?[3];
        var renderer = idle[(int)kind];
        if (renderer is not null && ReferenceEquals(renderer.Pipeline, pipeline))
        {
            // Taken out while in use: a render inside a render (none today) would make a renderer of its own.
            idle[(int)kind] = null;
        }
        else
        {
            renderer = new PooledRenderer(kind, pipeline);
        }

        renderer.Begin(links);
        return renderer;
    }

    private static string Return(PooledRenderer renderer)
    {
        var html = renderer.End();
        if (html.Length <= MaxPooledChars)
        {
            var idle = t_idle ??= new PooledRenderer?[3];
            idle[(int)renderer.Kind] = renderer;
        }

        return html;
    }

    private sealed class PooledRenderer : HtmlRenderer
    {
        private readonly StringBuilder _html;
        private readonly PageLinksHolder? _references;

        public PooledRenderer(RendererKind kind, MarkdownPipeline pipeline)
            : base(new StringWriter(new StringBuilder(4096), CultureInfo.InvariantCulture))
        {
            Kind = kind;
            Pipeline = pipeline;
            _html = ((StringWriter)Writer).GetStringBuilder();
            pipeline.Setup(this);
            if (kind == RendererKind.InlineWithMeasures)
            {
                ObjectRenderers.Add(new MeasureInlineRenderer());
            }

            ImplicitParagraph = kind != RendererKind.Blocks;
            _references = ObjectRenderers.FindExact<ArchetypeReferenceRenderer>()?.Page;
        }

        public RendererKind Kind { get; }

        public MarkdownPipeline Pipeline { get; }

        public void Begin(IPageLinks links)
        {
            // As a new renderer starts: at the start of a line, so the first block writes no newline before itself.
            previousWasLine = true;
            if (_references is not null)
            {
                _references.Links = links;
            }

            LinkRewriter = links.RewriteUrl;
        }

        public string End()
        {
            Writer.Flush();
            var html = _html.ToString();
            _html.Clear();
            if (_references is not null)
            {
                _references.Links = NoPageLinks.Instance;
            }

            LinkRewriter = null;
            return html;
        }
    }
}
