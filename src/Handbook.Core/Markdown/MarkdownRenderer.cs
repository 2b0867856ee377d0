using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;

namespace Handbook.Markdown;

/// <summary>Renders parsed Markdown to HTML for one page. A new <see cref="HtmlRenderer"/> per call keeps parallel renders apart.</summary>
public static class MarkdownRenderer
{
    public static string Render(MarkdownObject markdown, MarkdownPipeline pipeline, IPageLinks links)
    {
        using var writer = new StringWriter();
        var renderer = CreateRenderer(writer, pipeline, links);
        renderer.Render(markdown);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Renders several blocks in order (a section's content without its heading).</summary>
    public static string Render(IEnumerable<Block> blocks, MarkdownPipeline pipeline, IPageLinks links)
    {
        using var writer = new StringWriter();
        var renderer = CreateRenderer(writer, pipeline, links);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        writer.Flush();
        return writer.ToString();
    }

    /// <summary>
    /// A story field: inline Markdown, rendered without a paragraph wrapper; HTML in it is shown as text.
    /// With <paramref name="emphasiseMeasures"/> its numbers, percentages, multiples and durations are emphasised;
    /// <paramref name="links"/> rewrites links to content files for the page it appears on.
    /// </summary>
    public static string RenderInline(string text, bool emphasiseMeasures = false, IPageLinks? links = null)
    {
        var document = Markdig.Markdown.Parse(text, MarkdownPipelines.StoryField);
        using var writer = new StringWriter();
        var renderer = CreateRenderer(writer, MarkdownPipelines.StoryField, links ?? NoPageLinks.Instance);
        if (emphasiseMeasures)
        {
            MeasureEmphasis.Apply(document);
            renderer.ObjectRenderers.Add(new MeasureInlineRenderer());
        }

        renderer.ImplicitParagraph = true;
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

        writer.Flush();
        return writer.ToString().Trim();
    }

    private static HtmlRenderer CreateRenderer(TextWriter writer, MarkdownPipeline pipeline, IPageLinks links)
    {
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        var references = renderer.ObjectRenderers.FindExact<ArchetypeReferenceRenderer>();
        if (references is not null)
        {
            references.Page.Links = links;
        }

        renderer.LinkRewriter = links.RewriteUrl;
        return renderer;
    }
}
