using Handbook.Model;
using Handbook.Render.Pages;

namespace Handbook.Render;

/// <summary>The parts of the template model every page has: site, sidebar navigation, previous/next, asset hrefs.</summary>
public static class Navigation
{
    public static void Describe(TemplateObject model, PageContext context)
    {
        var site = context.Site;
        var page = context.Page;
        model.Set("site", new TemplateObject()
            .Set("title", site.Config.Title)
            .Set("description", site.Config.Description)
            .Set("author", site.Config.Author)
            .Set("language", site.Config.Language)
            .Set("has_stories", site.Handbook.Model.HasStoryBank)
            .Set("shows_private", site.Options.IncludePrivate && site.Handbook.Model.Stories.Any(s => !s.IsPublic)));
        model.Set("page", new TemplateObject()
            .Set("title", page.Title)
            .Set("path", page.OutputPath)
            .Set("is_index", page.OutputPath == Urls.Index)
            .Set("kind", Path.GetFileNameWithoutExtension(page.Template))
            .Set("indexable", page.IsIndexable)
            .Set("description", page.Summary ?? site.Config.Description ?? $"{page.Title} · {site.Config.Title}")
            .Set("canonical", site.Options.BaseUrl is { } baseUrl && page.IsIndexable ? baseUrl + CanonicalPath(page.OutputPath) : null)
            .Set("hide_navigation", page is ChapterPage { Chapter.HideNavigation: true }));
        model.Set("root", context.Href(Urls.Index));
        model.Set("assets", new TemplateObject()
            .Set("css", context.Href("assets/handbook.css"))
            .Set("js", context.Href("assets/handbook.js"))
            .Set("mermaid", context.Href("assets/vendor/mermaid/mermaid.min.js"))
            .Set("search_index", context.Href(Urls.SearchIndex))
            .Set("minisearch", context.Href("assets/vendor/minisearch/minisearch.js"))
            .Set("favicon", context.Href("assets/favicon.svg")));
        model.Set("live_reload", site.Options.LiveReload);
        if (!site.Templates.SidebarIsShared)
        {
            model.Set("nav", Sections(context, context.Page.OutputPath));
        }

        var (previous, next) = Neighbours(context);
        model.Set("prev", previous);
        model.Set("next", next);
        model.Set("toc", Array.Empty<TemplateObject>());
        model.Set("not_found", null);
    }

    /// <summary>The site path a canonical URL names: the home page as the bare root, like the sitemap.</summary>
    public static string CanonicalPath(string outputPath) => outputPath == Urls.Index ? "" : Urls.EncodePath(outputPath);

    /// <summary>The sidebar's model: every page it lists, with <paramref name="currentPath"/>'s item marked current.</summary>
    public static List<TemplateObject> Sections(PageContext context, string? currentPath)
    {
        var pages = context.Site.Pages;
        // A guide past GuideNavigation.FullListLimit chapters gets the pruned list, so no page grows with the size of the site;
        // below it, the guide's own structure (folders, MkDocs nav sections, Docusaurus categories) as sections.
        var sections = GuideNavigation.Prunes(context.Site)
            ? [Section("Guide", GuideNavigation.PrunedItems(context, currentPath))]
            : GuideSections(context, currentPath);

        var archetypes = new List<TemplateObject>();
        if (context.Site.Exists(Urls.Archetypes))
        {
            archetypes.Add(Item(context, Urls.Archetypes, "All archetypes", currentPath));
        }

        archetypes.AddRange(pages.OfType<ArchetypePage>().Select(p => Item(context, p.OutputPath, p.Archetype.NumberedTitle, currentPath)));
        if (archetypes.Count > 0)
        {
            sections.Add(Section("Archetypes", archetypes));
        }

        var practice = new List<TemplateObject>();
        foreach (var (path, title) in PracticeLinks)
        {
            if (context.Site.Exists(path))
            {
                practice.Add(Item(context, path, title, currentPath));
            }
        }

        if (practice.Count > 0)
        {
            sections.Add(Section("Practice", practice));
        }

        var interviewing = new List<TemplateObject>();
        if (context.Site.Exists(Urls.Loop))
        {
            interviewing.Add(Item(context, Urls.Loop, "Interview loop", currentPath));
        }

        interviewing.AddRange(pages.OfType<InterviewerPacketPage>().Select(p => Item(context, p.OutputPath, "Packet: " + p.Round.Name, currentPath)));
        foreach (var (path, title) in InterviewingLinks)
        {
            if (context.Site.Exists(path))
            {
                interviewing.Add(Item(context, path, title, currentPath));
            }
        }

        if (interviewing.Count > 0)
        {
            sections.Add(Section("Interviewing", interviewing));
        }

        return sections;
    }

    /// <summary>
    /// The guide's navigation as sidebar sections: top-level pages under "Guide", each folder, MkDocs nav section or Docusaurus
    /// category as its own section, named by its path of labels when nested ("Career › Offers").
    /// </summary>
    private static List<TemplateObject> GuideSections(PageContext context, string? currentPath)
    {
        var sections = new List<TemplateObject>();
        var loose = new List<TemplateObject>();
        var nested = new List<TemplateObject>();
        foreach (var entry in context.Site.Handbook.Model.Nav.Entries)
        {
            if (entry is NavSection section)
            {
                AddSection(context, section, section.Label, currentPath, nested);
            }
            else if (NavItem(context, entry, currentPath) is { } item)
            {
                loose.Add(item);
            }
        }

        if (loose.Count > 0 || nested.Count == 0)
        {
            sections.Add(Section("Guide", loose));
        }

        sections.AddRange(nested);
        return sections;
    }

    private static void AddSection(PageContext context, NavSection section, string title, string? currentPath, List<TemplateObject> into)
    {
        var items = new List<TemplateObject>();
        var children = new List<TemplateObject>();
        foreach (var entry in section.Children)
        {
            if (entry is NavSection child)
            {
                AddSection(context, child, title + " › " + child.Label, currentPath, children);
            }
            else if (NavItem(context, entry, currentPath) is { } item)
            {
                items.Add(item);
            }
        }

        if (items.Count > 0)
        {
            into.Add(Section(title, items));
        }

        into.AddRange(children);
    }

    private static TemplateObject? NavItem(PageContext context, NavNode entry, string? currentPath) => entry switch
    {
        NavPage page when context.Site.Exists(page.Chapter.OutputPath) => Item(context, page.Chapter.OutputPath, page.Label, currentPath),
        NavLink link => new TemplateObject().Set("title", link.Label).Set("href", link.Url).Set("current", false),
        _ => null,
    };

    private static readonly (string Path, string Title)[] PracticeLinks =
    [
        (Urls.Questions, "Question index"),
        (Urls.Readiness, "Readiness"),
        (Urls.Drill, "Drill"),
        (Urls.Cards, "Flash cards"),
        (Urls.Cheatsheet, "Cheat sheet"),
        (Urls.QuestionSheet, "Question map"),
        (Urls.Scorecards, "Interviewer scorecards"),
        (Urls.Print, "Print everything"),
    ];

    private static readonly (string Path, string Title)[] InterviewingLinks =
    [
        (Urls.Debrief, "Debrief sheet"),
    ];

    private static TemplateObject Section(string title, List<TemplateObject> items) =>
        new TemplateObject().Set("title", title).Set("items", items);

    public static TemplateObject Item(PageContext context, string path, string title) => Item(context, path, title, context.Page.OutputPath);

    internal static TemplateObject Item(PageContext context, string path, string title, string? currentPath) => new TemplateObject()
        .Set("title", title)
        .Set("href", context.Href(path))
        .Set("current", path == currentPath)
        .Set("items", null);

    private static (TemplateObject? Previous, TemplateObject? Next) Neighbours(PageContext context)
    {
        var key = context.Page.SequenceKey;
        if (key is null)
        {
            return (null, null);
        }

        var sequence = context.Site.Sequences[key];
        var index = context.Site.SequenceIndex[context.Page.OutputPath];
        var previous = index > 0 ? Item(context, sequence[index - 1].OutputPath, sequence[index - 1].Title) : null;
        var next = index >= 0 && index < sequence.Count - 1 ? Item(context, sequence[index + 1].OutputPath, sequence[index + 1].Title) : null;
        return (previous, next);
    }
}
