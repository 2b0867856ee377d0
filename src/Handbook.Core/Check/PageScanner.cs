using AngleSharp.Html.Parser;

namespace Handbook.Check;

/// <summary>Parses a rendered page with AngleSharp (a real HTML5 parser, as a browser would) and keeps its ids and links.</summary>
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
    /// Scans a page that carries <paramref name="shared"/> markup (or null): that part is cut out and scanned once per key into
    /// <paramref name="sharedScans"/>. The page's <paramref name="generated"/> Markdown fragments (see
    /// <see cref="GeneratedMarkupScanner"/>) are cut out too and read without a parse; AngleSharp parses only what is left, the
    /// template's markup. Should a template have changed a fragment on its way into the page, that fragment stays in and is parsed.
    /// </summary>
    public static PageScan Scan(string outputPath, string html, Render.SharedFragment? shared, SharedScans sharedScans, IReadOnlyList<string>? generated = null)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        var rest = html;
        if (generated is { Count: > 0 })
        {
            var kept = new System.Text.StringBuilder(html.Length / 4);
            var from = 0;
            foreach (var fragment in generated)
            {
                var at = html.IndexOf(fragment, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                kept.Append(html, from, at - from);
                GeneratedMarkupScanner.Scan(fragment, ids, links);
                from = at + fragment.Length;
            }

            rest = kept.Append(html, from, html.Length - from).ToString();
        }

        var sharedAt = shared is null ? -1 : rest.IndexOf(shared.Html, StringComparison.Ordinal);
        PageScan own;
        SharedScan? common = null;
        if (shared is null || sharedAt < 0)
        {
            own = Scan(outputPath, rest);
        }
        else
        {
            own = Scan(outputPath, string.Concat(rest.AsSpan(0, sharedAt), rest.AsSpan(sharedAt + shared.Html.Length)));
            common = sharedScans.GetOrScan(shared, outputPath);
            ids.UnionWith(common.Ids);
        }

        if (ids.Count == 0 && links.Count == 0)
        {
            return own with { Shared = common };
        }

        ids.UnionWith(own.Ids);
        links.InsertRange(0, own.Links);
        return own with { Ids = ids, Links = links, Shared = common };
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
