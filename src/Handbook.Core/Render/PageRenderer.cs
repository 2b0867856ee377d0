using Handbook.Render.Pages;
using Scriban;

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
        var body = site.Templates.Get(page.Template).Render(templates);
        model.Set("content", new SafeHtml(body));
        templates.ResetPreviousNewLine();
        var html = site.Templates.Get(page.IsSheet ? "sheet_layout.html" : "layout.html").Render(templates);
        return new RenderedHtml(html, sidebar, context.RenderedMarkdown, !site.Templates.HasOverrides);
    }
}
