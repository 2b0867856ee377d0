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
    public static bool TryScan(string html, ISet<string> ids, List<PageLink> links)
    {
        var foundIds = new List<string>();
        var foundLinks = new List<PageLink>();
        for (var open = html.IndexOf('<'); open >= 0; open = html.IndexOf('<', open + 1))
        {
            if (open + 1 >= html.Length)
            {
                return false;
            }

            if (html.AsSpan(open).StartsWith("<!--", StringComparison.Ordinal))
            {
                open = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
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
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var close = html.IndexOf('>', nameEnd);
            if (nameEnd == open + 1 || close < 0)
            {
                return false; // a '<' that is not a tag: not escaped text, so not markup of ours
            }

            var element = html[(open + 1)..nameEnd].ToLowerInvariant();
            if (!ReadTag(html, nameEnd, close, element, foundIds, foundLinks))
            {
                return false;
            }

            open = close;
            if (element is "script" or "style")
            {
                // Raw text up to the end tag: a '<' in a script is not a tag.
                open = html.IndexOf("</" + element, close, StringComparison.OrdinalIgnoreCase);
                if (open < 0)
                {
                    return false;
                }
            }
        }

        ids.UnionWith(foundIds);
        links.AddRange(foundLinks);
        return true;
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
                links.Add(new PageLink(Decode(raw), $"<{element} {name.ToString().ToLowerInvariant()}>"));
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

    private static readonly System.Buffers.SearchValues<char> AttributeNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:");

    private static string Decode(ReadOnlySpan<char> value) => value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
