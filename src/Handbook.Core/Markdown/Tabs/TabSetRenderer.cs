using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Handbook.Markdown.Tabs;

/// <summary>
/// A tab set as labelled panels one after another — what readers without JavaScript and printed pages get. The theme's
/// script (<c>handbook.js</c>) turns each set into an ARIA tablist with one tabpanel per panel, and arrow keys between tabs.
/// </summary>
public sealed class TabSetRenderer : HtmlObjectRenderer<TabSetBlock>
{
    protected override void Write(HtmlRenderer renderer, TabSetBlock set)
    {
        renderer.EnsureLine();
        if (!renderer.EnableHtmlForBlock)
        {
            renderer.WriteChildren(set);
            return;
        }

        renderer.WriteLine("<div class=\"tabbed-set\">");
        foreach (var tab in set.OfType<TabBlock>())
        {
            renderer.Write("<div class=\"tabbed-panel\"").Write(tab.IsDefault ? " data-default>" : ">");
            renderer.Write("<p class=\"tabbed-label\">").WriteEscape(tab.Label).WriteLine("</p>");
            var implicitParagraph = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = false;
            renderer.WriteChildren(tab);
            renderer.ImplicitParagraph = implicitParagraph;
            renderer.EnsureLine();
            renderer.WriteLine("</div>");
        }

        renderer.WriteLine("</div>");
    }
}

/// <summary>A stray closing tag the tabs parser consumed: nothing to show.</summary>
public sealed class DroppedLineRenderer : HtmlObjectRenderer<DroppedLineBlock>
{
    protected override void Write(HtmlRenderer renderer, DroppedLineBlock obj)
    {
    }
}
