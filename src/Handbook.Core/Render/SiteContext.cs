using Handbook.Config;
using Handbook.Link;

namespace Handbook.Render;

/// <summary>What every page render shares: the linked model, the page plan and the parsed theme. Read-only, so safe across threads.</summary>
public sealed record SiteContext(LinkedHandbook Handbook, IReadOnlyList<Page> Pages, TemplateSet Templates, RenderOptions Options)
{
    public HandbookConfig Config => Handbook.Model.Config;

    public bool Exists(string outputPath) => PagePaths.Contains(outputPath);

    public HashSet<string> PagePaths { get; } = new(Pages.Select(p => p.OutputPath), StringComparer.Ordinal);

    /// <summary>The pages of each reading sequence (<see cref="Page.SequenceKey"/>) in order, for previous/next links without a search per page.</summary>
    public IReadOnlyDictionary<string, List<Page>> Sequences { get; } = Pages
        .Where(p => p.SequenceKey is not null)
        .GroupBy(p => p.SequenceKey!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>Each sequenced page's position in its sequence.</summary>
    public IReadOnlyDictionary<string, int> SequenceIndex { get; } = Pages
        .Where(p => p.SequenceKey is not null)
        .GroupBy(p => p.SequenceKey!, StringComparer.Ordinal)
        .SelectMany(g => g.Select((p, i) => (p.OutputPath, i)))
        .ToDictionary(x => x.OutputPath, x => x.i, StringComparer.Ordinal);

    /// <summary>The sidebar rendered once per folder, when the theme allows it (<see cref="TemplateSet.SidebarIsShared"/>).</summary>
    public SharedSidebar? SharedSidebar { get; } = Templates.SidebarIsShared ? new SharedSidebar(Templates) : null;

    /// <summary>The chapters by folder, for the pruned sidebar (<see cref="GuideNavigation.Folders"/>); made when first asked for.</summary>
    public IReadOnlyList<ChapterFolder> ChapterFolders => _chapterFolders.Value;

    private readonly Lazy<IReadOnlyList<ChapterFolder>> _chapterFolders = new(() => GuideNavigation.Folders(Pages));
}

/// <summary>How this build renders: for publishing, or for the local preview server.</summary>
public sealed record RenderOptions(bool IncludePrivate, string? BaseUrl, bool LiveReload = false)
{
    /// <summary>With <c>last_updated: git</c>: each content file's last commit date (project-relative path → yyyy-MM-dd).</summary>
    public IReadOnlyDictionary<string, string> LastUpdated { get; init; } = new Dictionary<string, string>();
}
