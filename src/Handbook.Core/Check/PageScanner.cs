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
        var rest = new System.Text.StringBuilder(html.Length / 4);
        var from = 0;
        foreach (var part in markdown ?? [])
        {
            var at = html.IndexOf(part.Html, from, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            rest.Append(html, from, at - from);
            from = at + part.Html.Length;
            if (part.HasRawHtml || !GeneratedMarkupScanner.TryScan(part.Html, ids, links))
            {
                var parsed = Scan(outputPath, part.Html);
                ids.UnionWith(parsed.Ids);
                links.AddRange(parsed.Links);
            }
        }

        var templates = rest.Append(html, from, html.Length - from).ToString();
        SharedScan? common = null;
        var sharedAt = shared is null ? -1 : templates.IndexOf(shared.Html, StringComparison.Ordinal);
        if (shared is not null && sharedAt >= 0)
        {
            templates = string.Concat(templates.AsSpan(0, sharedAt), templates.AsSpan(sharedAt + shared.Html.Length));
            common = sharedScans.GetOrScan(shared, outputPath);
            ids.UnionWith(common.Ids);
        }

        if (!builtInTemplates || !GeneratedMarkupScanner.TryScan(templates, ids, links))
        {
            var parsed = Scan(outputPath, templates);
            ids.UnionWith(parsed.Ids);
            links.AddRange(parsed.Links);
        }

        return new PageScan(outputPath, ids, links) { Shared = common };
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
