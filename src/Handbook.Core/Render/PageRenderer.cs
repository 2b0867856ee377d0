using System.Text;
using Handbook.Render.Pages;
using Scriban;
using Scriban.Runtime;

namespace Handbook.Render;

/// <summary>
/// A rendered page; the part of it shared with other pages of its folder (its sidebar), when there is one; and the Markdown
/// rendered into it (<see cref="PageContext.RenderedMarkdown"/>), in page order; and whether the templates around it are the
/// tool's own, so that their markup too is the build's own (see <see cref="Check.GeneratedMarkupScanner"/>).
/// </summary>
public sealed record RenderedHtml(string Html, SharedFragment? Sidebar, IReadOnlyList<RenderedMarkdown> Markdown, bool BuiltInTemplates);

/// <summary>Markup many pages carry unchanged: the link check reads it once per <see cref="Key"/> rather than once per page.</summary>
public sealed record SharedFragment(string Key, string Html);

/// <summary>Renders one page: its body template, then the layout around it. A new TemplateContext per page.</summary>
public static class PageRenderer
{
    public static string Render(SiteContext site, Page page) => RenderWithParts(site, page).Html;

    public static RenderedHtml RenderWithParts(SiteContext site, Page page)
    {
        var context = new PageContext(site, page) { Chapter = (page as ChapterPage)?.Chapter };
        var model = new TemplateObject();
        Navigation.Describe(model, context);
        page.Describe(model, context);
        model.Set("has_diagrams", context.HasDiagrams);

        // One template context for the body and the layout around it (a context costs about 20 KB to make): the body's assignments
        // went to the model, which the layout reads, before as well; its line state is reset so the layout starts as in a new one.
        var sidebar = site.SharedSidebar?.For(context);
        var templates = site.Templates.CreateContext(model, sidebar?.Html);
        var output = RentOutput();
        templates.PushOutput(new StringBuilderOutput(output));
        var body = site.Templates.Get(page.Template).Render(templates);
        model.Set("content", new SafeHtml(body));
        templates.ResetPreviousNewLine();
        var html = site.Templates.Get(page.IsSheet ? "sheet_layout.html" : "layout.html").Render(templates);
        templates.PopOutput();
        ReturnOutput(output);
        return new RenderedHtml(html, sidebar, context.RenderedMarkdown, !site.Templates.HasOverrides);
    }

    /// <summary>
    /// Where a thread's pages are rendered. Scriban's own output starts at 16 characters and grows a block at a time, and
    /// <see cref="Template.Render(TemplateContext)"/>, clearing a builder of several blocks after copying out the page, allocates
    /// one array the size of the page again: about three times each page's size in garbage, for the body and again for the layout.
    /// This builder stays one block, at the size of the largest page its thread has rendered, so clearing it is free and a page
    /// costs just its string (and its body's). One rendered larger than <see cref="MaxPooledChars"/> (the print page of a long
    /// guide) is let go rather than held.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? t_output;

    private const int MaxPooledChars = 256 * 1024;

    private static StringBuilder RentOutput()
    {
        // Taken out while in use: a page rendered inside a page (none today) would get a builder of its own.
        var output = t_output ?? new StringBuilder(32 * 1024);
        t_output = null;
        return output;
    }

    private static void ReturnOutput(StringBuilder output)
    {
        if (output.Capacity <= MaxPooledChars)
        {
            output.Clear();
            t_output = output;
        }
    }
}
