using System.Collections.Concurrent;

namespace Handbook.Render;

/// <summary>
/// The built-in sidebar depends only on the page's folder (its hrefs are relative, and <see cref="GuideNavigation"/> opens out the
/// folder's own chapters) and on which item is the current page. So it is rendered once per folder (with no current item) and each
/// page gets a copy with its own item marked, exactly as the built-in <c>partials/sidebar.html</c> marks it; the link check reads it
/// once per folder too (<see cref="SharedFragment"/>: marking the current item changes no link or id). Used only while
/// <see cref="TemplateSet.SidebarIsShared"/>.
/// </summary>
public sealed class SharedSidebar(TemplateSet templates)
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _byFolder = new(StringComparer.Ordinal);

    public SharedFragment For(PageContext context)
    {
        var path = context.Page.OutputPath;
        var folder = path.LastIndexOf('/') is var slash and >= 0 ? path[..slash] : "";
        var shared = _byFolder.GetOrAdd(folder, _ => new Lazy<string>(() => Render(context))).Value;

        // The markup partials/sidebar.html writes for an item, and for the current page's item.
        var href = TemplateObject.Escape(context.Href(path));
        var item = "<li><a href=\"" + href + "\">";
        var at = shared.IndexOf(item, StringComparison.Ordinal);
        var html = at < 0
            ? shared
            : string.Concat(shared.AsSpan(0, at), "<li><a href=\"" + href + "\" aria-current=\"page\" class=\"current\">", shared.AsSpan(at + item.Length));
        return new SharedFragment("sidebar:" + folder, html);
    }

    /// <summary>The sidebar as seen from <paramref name="context"/>'s folder, no item current. The built-in partial reads only <c>nav</c>.</summary>
    private string Render(PageContext context)
    {
        var model = new TemplateObject().Set("nav", Navigation.Sections(context, currentPath: null));
        return templates.Get(TemplateSet.Sidebar).Render(templates.CreateContext(model));
    }
}
