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

/// <summary>Renders one page: its body template, then the layout around it. A new TemplateContext per render.</summary>
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

        var body = site.Templates.Get(page.Template).Render(site.Templates.CreateContext(model));
        model.Set("content", new SafeHtml(body));
        var sidebar = site.SharedSidebar?.For(context);
        var html = site.Templates.Get(page.IsSheet ? "sheet_layout.html" : "layout.html").Render(site.Templates.CreateContext(model, sidebar?.Html));
        return new RenderedHtml(html, sidebar, context.RenderedMarkdown, !site.Templates.HasOverrides);
    }
}
