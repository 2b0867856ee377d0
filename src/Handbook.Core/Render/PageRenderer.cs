using Handbook.Render.Pages;
using Scriban;

namespace Handbook.Render;

/// <summary>Renders one page: its body template, then the layout around it. A new TemplateContext per render.</summary>
public static class PageRenderer
{
    public static string Render(SiteContext site, Page page)
    {
        var context = new PageContext(site, page) { Chapter = (page as ChapterPage)?.Chapter };
        var model = new TemplateObject();
        Navigation.Describe(model, context);
        page.Describe(model, context);
        model.Set("has_diagrams", context.HasDiagrams);

        var body = site.Templates.Get(page.Template).Render(site.Templates.CreateContext(model));
        model.Set("content", new SafeHtml(body));
        var sidebar = site.SharedSidebar?.For(context);
        return site.Templates.Get(page.IsSheet ? "sheet_layout.html" : "layout.html").Render(site.Templates.CreateContext(model, sidebar));
    }
}
