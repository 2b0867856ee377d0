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

        var body = RenderTemplate(site.Templates, page.Template, model);
        model.Set("content", new SafeHtml(body));
        return RenderTemplate(site.Templates, page.IsSheet ? "sheet_layout.html" : "layout.html", model);
    }

    private static string RenderTemplate(TemplateSet templates, string name, TemplateObject model)
    {
        var context = templates.CreateContext(model);
        return templates.Get(name).Render(context);
    }
}
