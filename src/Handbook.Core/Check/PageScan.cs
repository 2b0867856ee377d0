namespace Handbook.Check;

/// <summary>A link found in an output page: the attribute's value and the element it stands on, for the message.</summary>
public sealed record PageLink(string Url, string Element);

/// <summary>
/// What the link check needs from a rendered page (see <see cref="PageScanner"/>): its element ids and its links.
/// <see cref="Links"/> are the page's own; the links of markup it shares with other pages (<see cref="Shared"/>) are checked once
/// there, while <see cref="Ids"/> include the shared markup's ids, since links from anywhere may point at them.
/// </summary>
public sealed record PageScan(string OutputPath, IReadOnlySet<string> Ids, IReadOnlyList<PageLink> Links)
{
    public SharedScan? Shared { get; init; }
}

/// <summary>
/// Markup shared by many pages (a folder's sidebar), scanned once. Its hrefs are relative to the folder of the pages that carry it,
/// so its links are resolved from <see cref="ResolveFrom"/>, a path in that folder, and reported as the shared part of those pages.
/// </summary>
public sealed record SharedScan(string Key, string ResolveFrom, string Source, IReadOnlySet<string> Ids, IReadOnlyList<PageLink> Links);
