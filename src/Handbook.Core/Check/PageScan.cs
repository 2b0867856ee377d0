namespace Handbook.Check;

/// <summary>A link found in an output page: the attribute's value and the element it stands on, for the message.</summary>
public sealed record PageLink(string Url, string Element);

/// <summary>What the link check needs from a rendered page, taken from one AngleSharp parse: its element ids and its links.</summary>
public sealed record PageScan(string OutputPath, IReadOnlySet<string> Ids, IReadOnlyList<PageLink> Links);
