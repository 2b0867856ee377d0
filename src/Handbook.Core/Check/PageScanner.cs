using AngleSharp.Html.Parser;

namespace Handbook.Check;

/// <summary>
/// Finds a rendered page's ids and links: markup the build wrote itself is read by <see cref="GeneratedMarkupScanner"/>, and the rest
/// (a project's own templates, raw HTML) is parsed with AngleSharp, a real HTML5 parser, as a browser would parse it.
/// </summary>
public static class PageScanner
{
    /// <summary>The only attributes the scan reads; the parser drops every other one before it builds the element.</summary>
    private static readonly string[] KeptAttributes = ["id", "name", "href", "src", "rel"];

    /// <summary>
    /// The tree is still built as a browser builds it (tags, attributes, character references in attribute values), but the parser
    /// skips what the scan never reads: text, comments, script and style bodies, source positions, and attributes other than
    /// <see cref="KeptAttributes"/>. Text is most of a page's bytes, so this roughly halves the cost of parsing it.
    /// </summary>
    private static readonly HtmlParserOptions Options = new()
    {
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
        SkipDataText = true,
        SkipScriptText = true,
        SkipRawText = true,
        SkipRCDataText = true,
        SkipPlaintext = true,
        SkipCDATA = true,
        SkipProcessingInstructions = true,
        ShouldEmitAttribute = static (ref _, name) => IsKept(name.Span),
    };

    /// <summary>A parser holds a browsing context that is costly to create; one per thread, since sharing one across threads is not documented as safe.</summary>
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(Options));

    /// <summary>
    /// Scans a rendered page in parts. Its sidebar (<paramref name="shared"/>, or null) is scanned once per key into
    /// <paramref name="sharedScans"/>. The guide Markdown rendered into it (<paramref name="markdown"/>) is read by
    /// <see cref="GeneratedMarkupScanner"/>, or parsed on its own when its author wrote raw HTML into it. What is left is the
    /// templates' markup: read the same way when they are the built-in ones (<paramref name="builtInTemplates"/>), parsed otherwise.
    /// A part that a template changed on its way into the page is not found as it was rendered, so it stays in and is parsed.
    /// </summary>
    public static PageScan Scan(string outputPath, string html, Render.SharedFragment? shared, SharedScans sharedScans, IReadOnlyList<Render.RenderedMarkdown>? markdown = null, bool builtInTemplates = false)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();

        // The templates' markup is what is left of the page around the Markdown parts and the shared sidebar: found as ranges of
        // the page, not copied out of it (a page is 40 to 200 KB).
        var cuts = new List<(int Start, int End)>();
        var from = 0;
        foreach (var part in markdown ?? [])
        {
            var at = html.IndexOf(part.Html, from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            cuts.Add((at, at + part.Html.Length));
            from = at + part.Html.Length;
            if (part.HasRawHtml || !GeneratedMarkupScanner.TryScan(part.Html, ids, links))
            {
                var parsed = Scan(outputPath, part.Html);
                ids.UnionWith(parsed.Ids);
                links.AddRange(parsed.Links);
            }
        }

        SharedScan? common = null;
        if (shared is not null && SidebarAt(html, shared.Html, cuts) is var sidebar and >= 0)
        {
            cuts.Add((sidebar, sidebar + shared.Html.Length));
            cuts.Sort();
            common = sharedScans.GetOrScan(shared, outputPath);
            ids.UnionWith(common.Ids);
        }

        if (!builtInTemplates || !TryScanAround(html, cuts, ids, links))
        {
            var templates = new System.Text.StringBuilder(html.Length);
            from = 0;
            foreach (var (start, end) in cuts)
            {
                templates.Append(html, from, start - from);
                from = end;
            }

            var parsed = Scan(outputPath, templates.Append(html, from, html.Length - from).ToString());
            ids.UnionWith(parsed.Ids);
            links.AddRange(parsed.Links);
        }

        return new PageScan(outputPath, ids, links) { Shared = common };
    }

    /// <summary>Where the shared sidebar is in the page, outside the Markdown parts; -1 when a template changed it on its way in.</summary>
    private static int SidebarAt(string html, string sidebar, List<(int Start, int End)> markdown)
    {
        for (var at = html.IndexOf(sidebar, StringComparison.Ordinal); at >= 0; at = html.IndexOf(sidebar, at + 1, StringComparison.Ordinal))
        {
            if (!markdown.Exists(part => at < part.End && part.Start < at + sidebar.Length))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>Reads the markup between the cuts as the build's own; false (having added nothing) if any of it is not.</summary>
    private static bool TryScanAround(string html, List<(int Start, int End)> cuts, HashSet<string> ids, List<PageLink> links)
    {
        var foundIds = new HashSet<string>(StringComparer.Ordinal);
        var foundLinks = new List<PageLink>();
        var from = 0;
        foreach (var (start, end) in cuts.Append((html.Length, html.Length)))
        {
            if (start > from && !GeneratedMarkupScanner.TryScan(html, from, start, foundIds, foundLinks))
            {
                return false;
            }

            from = end;
        }

        ids.UnionWith(foundIds);
        links.AddRange(foundLinks);
        return true;
    }

    public static PageScan Scan(string outputPath, string html)
    {
        using var document = Parser.Value!.ParseDocument(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        foreach (var element in document.All)
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (element.GetAttribute("name") is { Length: > 0 } name && element.LocalName == "a")
            {
                ids.Add(name);
            }

            foreach (var attribute in LinkAttributes)
            {
                if (element.GetAttribute(attribute) is { } url && !(element.LocalName == "link" && element.GetAttribute("rel") == "canonical"))
                {
                    links.Add(new PageLink(url, $"<{element.LocalName} {attribute}>"));
                }
            }
        }

        return new PageScan(outputPath, ids, links);
    }

    private static bool IsKept(ReadOnlySpan<char> name)
    {
        foreach (var kept in KeptAttributes)
        {
            if (name.Equals(kept, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LinkAttributes = ["href", "src"];
}
