using AngleSharp.Html.Parser;

namespace Handbook.Check;

/// <summary>Parses a rendered page with AngleSharp (a real HTML5 parser, as a browser would) and keeps its ids and links.</summary>
public static class PageScanner
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = false };

    public static PageScan Scan(string outputPath, string html)
    {
        var parser = new HtmlParser(Options);
        using var document = parser.ParseDocument(html);
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

    private static readonly string[] LinkAttributes = ["href", "src"];
}
