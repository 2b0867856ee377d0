namespace Handbook.Render.Pages;

/// <summary>
/// <c>404.html</c>. GitHub Pages serves it at whatever depth the missing URL had, so its relative links (made from the site
/// root, where the file lies) would break there: the layout gives it a <c>&lt;base&gt;</c>, the configured base URL when
/// there is one, else one a tiny head script derives from the address (see <c>partials/not_found_base.html</c>).
/// </summary>
public sealed record NotFoundPage() : Page(Urls.NotFound, "Page not found", "404.html")
{
    public override bool IsIndexable => false;

    public override void Describe(TemplateObject model, PageContext context)
    {
        model.Set("not_found", new TemplateObject().Set("base_url", context.Site.Options.BaseUrl));
    }
}
