using System.Globalization;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Markdown;

/// <summary>Where a text goes past what the page can safely hold, with its diagnostic code and message; line 1-based within the text, 0 = unknown.</summary>
public sealed record MarkdownLimitProblem(int Line, int Column, string Code, string Message);

/// <summary>
/// The limits that keep one page's Markdown from costing more than linear time, each reported at its line rather than as a
/// crash or a build that never ends:
/// <list type="bullet">
/// <item>Markdig refuses absurd nesting by throwing (lists or quotes about a hundred deep, or a paragraph whose emphasis markers it
/// holds open at once: it keeps every <c>*</c> of a paragraph open until the paragraph ends, so 5,000 flat <c>**bold**</c> spans
/// on one line fail like deep nesting). Its exception carries no place, so the first failing line is found by parsing prefixes.</item>
/// <item>Raw HTML may nest elements only <see cref="MaxHtmlDepth"/> deep: every HTML5 tree builder (AngleSharp's in the link
/// check, the browser's) walks the open elements on each tag, so 40,000 nested <c>&lt;div&gt;</c> took a minute.</item>
/// </list>
/// </summary>
public static class MarkdownLimits
{
    /// <summary>Far past any real page (Chromium's own parser stops nesting at 512, and the templates add a dozen levels).</summary>
    public const int MaxHtmlDepth = 256;

    /// <summary>Emphasis markers in one line beyond which a refusal is blamed on their number, not on their nesting.</summary>
    private const int ManyMarkers = 5_000;

    /// <summary>Parses <paramref name="text"/>; when Markdig refuses it, returns an empty document and the line at fault.</summary>
    public static MarkdownDocument Parse(string text, MarkdownPipeline pipeline, out MarkdownLimitProblem? problem)
    {
        if (TryParse(text, pipeline) is { } document)
        {
            problem = null;
            return document;
        }

        problem = Locate(text, pipeline);
        return Markdig.Markdown.Parse("", pipeline);
    }

    /// <summary>
    /// Checks a short field (a story's situation, an action) before anything renders it, without parsing the ordinary field
    /// twice: Markdig can refuse only text with at least a hundred or so markers.
    /// </summary>
    public static MarkdownLimitProblem? CheckField(string text, MarkdownPipeline pipeline)
    {
        var markers = 0;
        foreach (var c in text)
        {
            if (c is '*' or '_' or '~' or '[' or '>' or '-' or '+' or '`' or '<')
            {
                markers++;
            }
        }

        return markers < 100 || TryParse(text, pipeline) is not null ? null : Locate(text, pipeline);
    }

    private static MarkdownDocument? TryParse(string text, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdig.Markdown.Parse(text, pipeline);
        }
        catch (ArgumentException ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            return null;
        }
    }

    /// <summary>The first line whose prefix of a refused text Markdig refuses too, by bisection: log₂(lines) parses, only on the failure path.</summary>
    private static MarkdownLimitProblem Locate(string text, MarkdownPipeline pipeline)
    {
        var lineEnds = new List<int>();
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            lineEnds.Add(i + 1);
        }

        if (lineEnds.Count == 0 || lineEnds[^1] < text.Length)
        {
            lineEnds.Add(text.Length);
        }

        // The whole text (the last prefix) is refused: the caller has just parsed it.
        int low = 1, high = lineEnds.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (TryParse(text[..lineEnds[middle - 1]], pipeline) is null)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var start = low == 1 ? 0 : lineEnds[low - 2];
        var line = text[start..lineEnds[low - 1]];
        var (markers, deepest) = CountMarkers(line);

        return markers >= ManyMarkers && deepest < 100
            ? new MarkdownLimitProblem(low, 0, "markdown-too-many-markers",
                $"this paragraph has {markers.ToString("N0", CultureInfo.InvariantCulture)} emphasis markers (runs of '*', '_' or '~'); the Markdown parser holds each one open until the paragraph ends and gives up at about 10,000, nested or not; split it into shorter paragraphs")
            : TooDeep(low);
    }

    /// <summary>
    /// Runs of '*', '_' or '~' in a line (a run such as '**' is one marker to the parser), and how many of them are open at once
    /// when a run after a space opens and a run before a space closes: <c>**b** **b**</c> stays at one, <c>*a *a x a* a*</c> nests.
    /// </summary>
    private static (int Markers, int Deepest) CountMarkers(string line)
    {
        int markers = 0, open = 0, deepest = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is not ('*' or '_' or '~') || (i > 0 && line[i - 1] == line[i]))
            {
                continue;
            }

            markers++;
            var end = i;
            while (end + 1 < line.Length && line[end + 1] == line[i])
            {
                end++;
            }

            var before = i == 0 || char.IsWhiteSpace(line[i - 1]);
            var after = end + 1 == line.Length || char.IsWhiteSpace(line[end + 1]);
            if (before && !after)
            {
                deepest = Math.Max(deepest, ++open);
            }
            else if (after && !before)
            {
                open = Math.Max(0, open - 1);
            }
        }

        return (markers, deepest);
    }

    private static MarkdownLimitProblem TooDeep(int line) => new(line, 0, "markdown-too-deep",
        "lists, quotes or emphasis are nested too deeply here for a page to render (the parser allows about a hundred levels); flatten the structure");

    /// <summary>
    /// The first raw HTML tag (in HTML blocks and inline HTML, in document order) that opens an element
    /// <see cref="MaxHtmlDepth"/> deep; one linear pass, counting only elements that nest (not void ones, nor those whose end
    /// tag a sibling implies, such as <c>&lt;p&gt;</c> and <c>&lt;li&gt;</c>).
    /// </summary>
    public static MarkdownLimitProblem? CheckHtmlDepth(MarkdownDocument document)
    {
        var open = new List<string>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    for (var i = 0; i < block.Lines.Count; i++)
                    {
                        var line = block.Lines.Lines[i];
                        if (Deepens(line.Slice.ToString(), open) is { } column)
                        {
                            return HtmlTooDeep(line.Line + 1, line.Column + column + 1);
                        }
                    }

                    break;
                case HtmlInline inline when Deepens(inline.Tag, open) is not null:
                    return HtmlTooDeep(inline.Line + 1, inline.Column + 1);
            }
        }

        return null;
    }

    private static MarkdownLimitProblem HtmlTooDeep(int line, int column) => new(line, column, "html-too-deep",
        $"raw HTML nests elements more than {MaxHtmlDepth} deep here; browsers stop nesting at 512 and every HTML parser slows down with the depth, so close the elements you open or flatten the markup");

    private static readonly HashSet<string> NotNesting = new(StringComparer.Ordinal)
    {
        // Void elements: never have content.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        // Elements whose end tag the next sibling implies, so a run of them does not nest.
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp",
    };

    /// <summary>
    /// Applies the tags in <paramref name="html"/> to the <paramref name="open"/> elements as a tree builder would, roughly: an end
    /// tag closes its element and those opened inside it, a stray one closes nothing. The index of the tag that opens an element
    /// past the limit, if one does; the search for an end tag's element is bounded by the limit, so the pass stays linear.
    /// </summary>
    private static int? Deepens(string html, List<string> open)
    {
        for (var i = html.IndexOf('<'); i >= 0 && i + 1 < html.Length; i = html.IndexOf('<', i + 1))
        {
            var closing = html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                continue; // a comment, a declaration or a lone '<'
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = html.IndexOf('>', nameEnd);
            var selfClosing = tagEnd > 0 && html[tagEnd - 1] == '/';
            if (NotNesting.Contains(name) || selfClosing)
            {
                continue;
            }

            if (closing)
            {
                if (open.LastIndexOf(name) is var at and >= 0)
                {
                    open.RemoveRange(at, open.Count - at);
                }
            }
            else
            {
                open.Add(name);
                if (open.Count > MaxHtmlDepth)
                {
                    return i;
                }
            }
        }

        return null;
    }
}
