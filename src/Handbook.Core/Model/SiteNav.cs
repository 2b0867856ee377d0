namespace Handbook.Model;

/// <summary>An entry of the guide's navigation, in reading order.</summary>
public abstract record NavNode(string Label);

/// <summary>A page of the guide, under its navigation label.</summary>
public sealed record NavPage(string Label, Chapter Chapter) : NavNode(Label);

/// <summary>A group of entries: a folder of the content, an MkDocs nav section or a Docusaurus category.</summary>
public sealed record NavSection(string Label, IReadOnlyList<NavNode> Children) : NavNode(Label);

/// <summary>A link out of the site that an MkDocs nav lists (<c>- GitHub: https://github.com/…</c>).</summary>
public sealed record NavLink(string Label, string Url) : NavNode(Label);

/// <summary>The navigation tree and the chapters in its reading order (pages it does not list come last).</summary>
public sealed record SiteNav(IReadOnlyList<NavNode> Entries, IReadOnlyList<Chapter> ReadingOrder)
{
    public static SiteNav Empty { get; } = new([], []);

    /// <summary>Every page the tree lists, depth first.</summary>
    public static IEnumerable<NavPage> Pages(IEnumerable<NavNode> entries) => entries.SelectMany(e => e switch
    {
        NavPage page => [page],
        NavSection section => Pages(section.Children),
        _ => [],
    });
}
