using Handbook.Render.Pages;

namespace Handbook.Render;

/// <summary>
/// The sidebar's list of chapters. A small guide lists every chapter on every page. Past <see cref="FullListLimit"/> chapters
/// that would make each page grow with the size of the site (and the site with its square), so the list is pruned as MkDocs
/// Material's <c>navigation.prune</c> does: the chapters at the top of <c>content/</c>, one link per folder (to its first
/// chapter), and only the folder of the page being shown opened out into its chapters. A page then carries its own folder's
/// chapters and one link per folder, whatever the number of pages; the sidebar depends only on the page's folder, so it is still
/// rendered once per folder (<see cref="SharedSidebar"/>). No script is involved: it works from <c>file://</c> and without JavaScript.
/// </summary>
public static class GuideNavigation
{
    /// <summary>Up to this many chapters, every page lists them all (about 60 bytes each).</summary>
    public const int FullListLimit = 100;

    /// <summary>Whether the site has too many chapters to list them all on every page.</summary>
    public static bool Prunes(SiteContext site) => site.Pages.OfType<ChapterPage>().Skip(FullListLimit).Any();

    /// <summary>The pruned list, for a site that <see cref="Prunes"/>; a smaller one lists the guide's own sections in full.</summary>
    public static List<TemplateObject> PrunedItems(PageContext context, string? currentPath)
    {
        var openFolder = Folder(context.Page.OutputPath);
        var items = new List<TemplateObject>();
        foreach (var folder in context.Site.ChapterFolders)
        {
            if (folder.Path.Length == 0)
            {
                items.AddRange(folder.Chapters.Select(p => Navigation.Item(context, p.OutputPath, p.Chapter.Title, currentPath)));
                continue;
            }

            if (folder.Path != openFolder)
            {
                items.Add(Navigation.Item(context, folder.Chapters[0].OutputPath, folder.Label, currentPath: null));
                continue;
            }

            // The open folder is a label over its chapters, not a link: its first chapter is listed (and marked current) once.
            items.Add(new TemplateObject()
                .Set("title", folder.Label)
                .Set("href", null)
                .Set("current", false)
                .Set("items", folder.Chapters.Select(p => Navigation.Item(context, p.OutputPath, p.Chapter.Title, currentPath)).ToList()));
        }

        return items;
    }

    /// <summary>
    /// The chapter pages by site folder, in the site's order, each folder with its label (the chapters at the top under "").
    /// Made once per site (<see cref="SiteContext.ChapterFolders"/>): grouping every chapter again for each folder's
    /// sidebar made the sidebars of a site cost the square of its size (10,000 pages: 200 groupings of 10,000 chapters).
    /// </summary>
    public static IReadOnlyList<ChapterFolder> Folders(IEnumerable<Page> pages) =>
        pages.OfType<ChapterPage>()
            .GroupBy(p => Folder(p.OutputPath), StringComparer.Ordinal)
            .Select(group => new ChapterFolder(group.Key, group.Key.Length == 0 ? "" : FolderLabel(group.Key, group), group.ToList()))
            .ToList();

    /// <summary>The site folder of a page (<c>part-1</c> for <c>part-1/page.html</c>), "" at the top.</summary>
    private static string Folder(string outputPath) => outputPath.LastIndexOf('/') is var slash and >= 0 ? outputPath[..slash] : "";

    /// <summary>A folder is named by its index page's title when it has one, else by its name (<c>part-one</c> → "Part one").</summary>
    private static string FolderLabel(string folder, IEnumerable<ChapterPage> chapters)
    {
        if (chapters.FirstOrDefault(p => p.OutputPath == folder + "/index.html") is { } index)
        {
            return index.Chapter.Title;
        }

        var name = folder.Replace('-', ' ').Replace('_', ' ');
        return name.Length == 0 ? folder : char.ToUpperInvariant(name[0]) + name[1..];
    }
}

/// <summary>A folder of chapters in the pruned sidebar: its site folder ("" at the top), its label and its chapters in order.</summary>
public sealed record ChapterFolder(string Path, string Label, IReadOnlyList<ChapterPage> Chapters);
