using System.Collections.Concurrent;

namespace Handbook.Render;

/// <summary>
/// The built-in sidebar lists every page, so rendering it from a per-page model made a build quadratic in model objects and
/// template work. Its hrefs are relative, so it differs between pages only by folder and by the current page's marker:
/// it is rendered once per folder (with no current item) and each page gets a copy with its own item marked, exactly as the
/// built-in <c>partials/sidebar.html</c> marks it. Used only while <see cref="TemplateSet.SidebarIsShared"/>.
/// </summary>
public sealed class SharedSidebar(TemplateSet templates)
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _byFolder = new(StringComparer.Ordinal);

    public string For(PageContext context)
    {
        var path = context.Page.OutputPath;
        var folder = path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";
        var shared = _byFolder.GetOrAdd(folder, _ => new Lazy<string>(() => Render(context))).Value;

        // The markup partials/sidebar.html writes for an item, and for the current page's item.
        var href = TemplateObject.Escape(context.Href(path));
        var item = "<li><a href=\"" + href + "\">";
        var at = shared.IndexOf(item, StringComparison.Ordinal);
        return at < 0
            ? shared
            : string.Concat(shared.AsSpan(0, at), "<li><a href=\"" + href + "\" aria-current=\"page\" class=\"current\">", shared.AsSpan(at + item.Length));
    }

    /// <summary>The sidebar as seen from <paramref name="context"/>'s folder, no item current. The built-in partial reads only <c>nav</c>.</summary>
    private string Render(PageContext context)
    {
        var model = new TemplateObject().Set("nav", Navigation.Sections(context, currentPath: null));
        return templates.Get(TemplateSet.Sidebar).Render(templates.CreateContext(model));
    }
}
