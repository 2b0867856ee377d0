using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Handbook.Markdown.Admonitions;

/// <summary>
/// One call-out for every dialect: a <c>div role="note"</c> named by its type and title (not an <c>aside</c>: a complementary
/// landmark may not sit inside <c>main</c>), or a <c>details</c> with the title as its <c>summary</c> when it can be folded.
/// A question call-out carries its anchor and a link to its entry in the question index.
/// </summary>
public sealed class AdmonitionRenderer(PageLinksHolder page) : HtmlObjectRenderer<AdmonitionBlock>
{
    protected override void Write(HtmlRenderer renderer, AdmonitionBlock admonition)
    {
        renderer.EnsureLine();
        if (!renderer.EnableHtmlForBlock)
        {
            renderer.WriteChildren(admonition);
            return;
        }

        var style = admonition.Style;
        var classes = "admonition " + style.Name + string.Concat(admonition.ExtraClasses.Select(c => " " + c));
        var id = admonition.TryGetAttributes()?.Id is { } ownId ? page.Links.HeadingIdPrefix + ownId : null;
        var title = admonition.DisplayTitle;
        if (admonition.Folding != AdmonitionFolding.None)
        {
            renderer.Write("<details class=\"").WriteEscape(classes).Write('"');
            WriteId(renderer, id);
            renderer.Write(admonition.Folding == AdmonitionFolding.Open ? " open>" : ">");
            // A link inside <summary> would nest one control in another, so a question's index link opens its body.
            renderer.Write("<summary class=\"admonition-title\">").WriteEscape(title).WriteLine("</summary>");
            if (QuestionHref(admonition) is { } question)
            {
                renderer.Write("<p class=\"question-link-line\"><a class=\"question-link\" href=\"").WriteComputedUrl(question).WriteLine("\">This question in the question index</a></p>");
            }

            WriteBody(renderer, admonition);
            renderer.WriteLine("</details>");
            return;
        }

        var label = string.Equals(title, style.Label, StringComparison.OrdinalIgnoreCase) ? style.Label : style.Label + ": " + title;
        renderer.Write("<div class=\"").WriteEscape(classes).Write('"');
        WriteId(renderer, id);
        renderer.Write(" role=\"note\" aria-label=\"").WriteEscape(label).Write("\">");
        if (admonition.Title is not "")
        {
            renderer.Write("<p class=\"admonition-title\">").WriteEscape(title);
            WriteQuestionLink(renderer, admonition);
            renderer.Write("</p>");
        }

        renderer.WriteLine();
        WriteBody(renderer, admonition);
        renderer.WriteLine("</div>");
    }

    private static void WriteId(HtmlRenderer renderer, string? id)
    {
        if (id is not null)
        {
            renderer.Write(" id=\"").WriteEscape(id).Write('"');
        }
    }

    private static void WriteBody(HtmlRenderer renderer, AdmonitionBlock admonition)
    {
        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        renderer.WriteChildren(admonition);
        renderer.ImplicitParagraph = implicitParagraph;
        renderer.EnsureLine();
    }

    private string? QuestionHref(AdmonitionBlock admonition) =>
        admonition.TryGetAttributes()?.Id is { } id ? page.Links.QuestionHref(id) : null;

    private void WriteQuestionLink(HtmlRenderer renderer, AdmonitionBlock admonition)
    {
        if (QuestionHref(admonition) is { } question)
        {
            renderer.Write(" <a class=\"question-link\" href=\"").WriteComputedUrl(question).Write("\" title=\"This question in the question index\">Q</a>");
        }
    }
}
