using System.Net;

namespace Handbook.Check;

/// <summary>
/// Reads ids and links from markup the build wrote itself with Markdig's HTML renderer (guide Markdown without raw HTML): every
/// '&lt;' there opens a tag, since text and code are escaped, and every attribute is <c>name="value"</c> with the value escaped.
/// For that markup a browser-grade parse (<see cref="PageScanner"/>, AngleSharp) finds exactly what this finds, at about a
/// fifteenth of the cost, and Markdown is most of a page's bytes. Anything else a page holds (templates, raw HTML) still goes
/// through AngleSharp.
/// </summary>
public static class GeneratedMarkupScanner
{
    public static void Scan(string html, ISet<string> ids, List<PageLink> links)
    {
        for (var open = html.IndexOf('<'); open >= 0 && open + 1 < html.Length; open = html.IndexOf('<', open + 1))
        {
            var nameEnd = open + 1;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var close = html.IndexOf('>', nameEnd);
            if (nameEnd == open + 1 || close < 0)
            {
                continue; // an end tag
            }

            var element = html.AsSpan(open + 1, nameEnd - open - 1);
            ReadAttributes(html, nameEnd, close, element, ids, links);
            open = close;
        }
    }

    private static void ReadAttributes(string html, int from, int to, ReadOnlySpan<char> element, ISet<string> ids, List<PageLink> links)
    {
        var at = from;
        while (at < to)
        {
            while (at < to && html[at] is ' ' or '\n' or '\t' or '/')
            {
                at++;
            }

            var nameStart = at;
            while (at < to && html[at] is not ('=' or ' ' or '>' or '/'))
            {
                at++;
            }

            var name = html.AsSpan(nameStart, at - nameStart);
            if (at >= to || html[at] != '=')
            {
                continue; // an attribute without a value, such as 'checked'
            }

            var quote = html[at + 1];
            if (quote is not ('"' or '\''))
            {
                return; // not markup this scanner is meant for; nothing Markdig writes
            }

            var valueEnd = html.IndexOf(quote, at + 2);
            if (valueEnd < 0 || valueEnd > to)
            {
                return;
            }

            var raw = html.AsSpan(at + 2, valueEnd - at - 2);
            at = valueEnd + 1;
            if (name.Equals("id", StringComparison.OrdinalIgnoreCase) || (name.Equals("name", StringComparison.OrdinalIgnoreCase) && element.Equals("a", StringComparison.OrdinalIgnoreCase)))
            {
                if (!raw.IsEmpty)
                {
                    ids.Add(Decode(raw));
                }
            }
            else if (name.Equals("href", StringComparison.OrdinalIgnoreCase) || name.Equals("src", StringComparison.OrdinalIgnoreCase))
            {
                links.Add(new PageLink(Decode(raw), $"<{element.ToString().ToLowerInvariant()} {name.ToString().ToLowerInvariant()}>"));
            }
        }
    }

    private static string Decode(ReadOnlySpan<char> value) => value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
