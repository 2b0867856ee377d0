namespace Handbook.Render.Pages;

/// <summary>
/// <c>404.html</c>. GitHub Pages serves it at whatever depth the missing URL had, so relative links would break there:
/// the page finds the site root from its own script-free markup via a base URL when one is configured, and otherwise
/// links with a small script that climbs to the folder holding it.
/// </summary>
public sealed record NotFoundPage() : Page(Urls.NotFound, "Page not found", "404.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        model.Set("base_url", context.Site.Options.BaseUrl);
    }
}
