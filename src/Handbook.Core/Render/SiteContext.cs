using Handbook.Config;
using Handbook.Link;

namespace Handbook.Render;

/// <summary>What every page render shares: the linked model, the page plan and the parsed theme. Read-only, so safe across threads.</summary>
public sealed record SiteContext(LinkedHandbook Handbook, IReadOnlyList<Page> Pages, TemplateSet Templates, RenderOptions Options)
{
    public HandbookConfig Config => Handbook.Model.Config;

    public bool Exists(string outputPath) => PagePaths.Contains(outputPath);

    public HashSet<string> PagePaths { get; } = new(Pages.Select(p => p.OutputPath), StringComparer.Ordinal);

    /// <summary>The sidebar rendered once per folder, when the theme allows it (<see cref="TemplateSet.SidebarIsShared"/>).</summary>
    public SharedSidebar? SharedSidebar { get; } = Templates.SidebarIsShared ? new SharedSidebar(Templates) : null;
}

/// <summary>How this build renders: for publishing, or for the local preview server.</summary>
public sealed record RenderOptions(bool IncludePrivate, string? BaseUrl, bool LiveReload = false);
