using System.Net;

namespace Handbook.Check;

/// <summary>
/// Reads ids and links from markup the build wrote itself: guide Markdown rendered by Markdig without raw HTML, and the
/// built-in templates filled with values escaped in the template model. In such markup every '&lt;' outside a script, style or
/// comment opens a tag, since text, code and values are escaped, and every attribute is <c>name="value"</c> with the value
/// escaped. There a browser-grade parse (<see cref="PageScanner"/>, AngleSharp) finds exactly what this finds, at about a
/// fifteenth of the cost. Markup it does not expect makes it give up, and the caller parses that markup in full; a project's
/// own templates and raw HTML always are.
/// </summary>
public static class GeneratedMarkupScanner
{
    /// <summary>Adds the ids and links of <paramref name="html"/>; false (having added nothing) if it is not markup of the expected shape.</summary>
    public static bool TryScan(string html, ISet<string> ids, List<PageLink> links) => TryScan(html, 0, html.Length, ids, links);

    /// <summary>The same for the part of <paramref name="html"/> from <paramref name="start"/> up to <paramref name="end"/>, which holds whole tags.</summary>
    public static bool TryScan(string html, int start, int end, ISet<string> ids, List<PageLink> links)
    {
        var foundIds = new List<string>();
        var foundLinks = new List<PageLink>();
        for (var open = html.IndexOf('<', start, end - start); open >= 0; open = open + 1 < end ? html.IndexOf('<', open + 1, end - open - 1) : -1)
        {
            if (open + 1 >= end)
            {
                return false;
            }

            if (html.AsSpan(open, end - open).StartsWith("<!--", StringComparison.Ordinal))
            {
                open = html.AsSpan(open + 4, end - open - 4).IndexOf("-->", StringComparison.Ordinal) is var comment and >= 0 ? open + 4 + comment : -1;
                if (open < 0)
                {
                    return false;
                }

                continue;
            }

            if (html[open + 1] is '/' or '!')
            {
                continue; // an end tag, or the doctype
            }

            var nameEnd = open + 1;
            while (nameEnd < end && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var close = nameEnd < end ? html.IndexOf('>', nameEnd, end - nameEnd) : -1;
            if (nameEnd == open + 1 || close < 0)
            {
                return false; // a '<' that is not a tag: not escaped text, so not markup of ours
            }

            var element = ElementName(html.AsSpan(open + 1, nameEnd - open - 1));
            if (!ReadTag(html, nameEnd, close, element, foundIds, foundLinks))
            {
                return false;
            }

            open = close;
            if (element is "script" or "style")
            {
                // Raw text up to the end tag: a '<' in a script is not a tag.
                var endTag = html.AsSpan(close, end - close).IndexOf(element is "script" ? "</script" : "</style", StringComparison.OrdinalIgnoreCase);
                if (endTag < 0)
                {
                    return false;
                }

                open = close + endTag;
            }
        }

        ids.UnionWith(foundIds);
        links.AddRange(foundLinks);
        return true;
    }

    /// <summary>The elements pages are made of, so that reading a tag's name allocates nothing; any other is lower-cased anew.</summary>
    private static readonly string[] KnownElements =
    [
        "a", "p", "li", "ul", "ol", "div", "span", "section", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "link", "script", "style", "img",
        "meta", "code", "pre", "em", "strong", "table", "thead", "tbody", "tr", "td", "th", "details", "summary", "button", "input",
        "label", "form", "header", "footer", "main", "article", "aside", "html", "head", "body", "title", "br", "hr", "blockquote",
        "svg", "path", "small", "mark", "kbd", "sup", "sub", "dl", "dt", "dd", "figure", "figcaption", "abbr", "time", "noscript",
    ];

    private static string ElementName(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownElements)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name.ToString().ToLowerInvariant();
    }

    private static bool ReadTag(string html, int from, int to, string element, List<string> ids, List<PageLink> links)
    {
        var linksBefore = links.Count;
        var canonical = false;
        var at = from;
        while (at < to)
        {
            while (at < to && html[at] is ' ' or '\n' or '\t' or '/')
            {
                at++;
            }

            var nameStart = at;
            while (at < to && html[at] is not ('=' or ' ' or '\n' or '\t' or '>' or '/'))
            {
                at++;
            }

            var name = html.AsSpan(nameStart, at - nameStart);
            if (name.ContainsAnyExcept(AttributeNameChars))
            {
                return false; // not an attribute as templates and Markdig write them
            }

            if (at >= to || html[at] != '=')
            {
                continue; // an attribute without a value, such as 'hidden'
            }

            var quote = at + 1 < to ? html[at + 1] : '\0';
            var valueEnd = quote is '"' or '\'' ? html.IndexOf(quote, at + 2) : -1;
            if (valueEnd < 0 || valueEnd > to)
            {
                return false; // an unquoted value, or a '>' inside one: leave it to a real parser
            }

            var raw = html.AsSpan(at + 2, valueEnd - at - 2);
            at = valueEnd + 1;
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase) || (name.Equals("name", StringComparison.OrdinalIgnoreCase) && element == "a"))
            {
                if (!raw.IsEmpty)
                {
                    ids.Add(Decode(raw));
                }
            }
            else if (name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                links.Add(new PageLink(Decode(raw), LinkElement(element, name)));
            }
            else if (name.Equals("rel", StringComparison.OrdinalIgnoreCase) && element == "link" && raw.SequenceEqual("canonical"))
            {
                canonical = true;
            }
        }

        if (canonical)
        {
            links.RemoveRange(linksBefore, links.Count - linksBefore); // the published address, not a link within the site
        }

        return true;
    }

    /// <summary>How a link is described in a diagnostic (<c>&lt;a href&gt;</c>), without a new string for the common ones.</summary>
    private static string LinkElement(string element, ReadOnlySpan<char> attribute) => (element, attribute.Equals("href", StringComparison.OrdinalIgnoreCase)) switch
    {
        ("a", true) => "<a href>",
        ("link", true) => "<link href>",
        ("script", false) => "<script src>",
        ("img", false) => "<img src>",
        _ => $"<{element} {attribute.ToString().ToLowerInvariant()}>",
    };

    private static readonly System.Buffers.SearchValues<char> AttributeNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:");

    private static string Decode(ReadOnlySpan<char> value) => value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
