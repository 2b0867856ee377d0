namespace Handbook.Render;

/// <summary>Site paths are relative to the output root with '/' separators (<c>archetypes/production-debugging.html</c>).</summary>
public static class Urls
{
    public const string Index = "index.html";
    public const string Archetypes = "archetypes/index.html";
    public const string Questions = "questions.html";
    public const string Readiness = "readiness.html";
    public const string Cheatsheet = "cheatsheet.html";
    public const string QuestionSheet = "cheatsheets/questions.html";
    public const string Print = "print.html";
    public const string Drill = "drill.html";
    public const string Cards = "cards.html";
    public const string NotFound = "404.html";
    public const string SearchIndex = "search-index.js";
    public const string Scorecards = "scorecards/index.html";
    public const string Loop = "loop.html";
    public const string Debrief = "debrief.html";

    public static string Archetype(string slug) => $"archetypes/{slug}.html";

    public static string Scorecard(string slug) => $"scorecards/{slug}.html";

    public static string InterviewerPacket(string roundSlug) => $"interviewers/{roundSlug}.html";

    /// <summary>
    /// The href from page <paramref name="from"/> to site path <paramref name="to"/> (which may carry a <c>#fragment</c>),
    /// always relative and always naming the file, so the site works under any subpath and from <c>file://</c>.
    /// </summary>
    public static string Relative(string from, string to)
    {
        // A page's file name may itself hold '#' (content/c#-notes.md → c#-notes.html): the fragment starts after the '.html'.
        var html = to.IndexOf(".html#", StringComparison.Ordinal);
        var hash = html >= 0 ? html + ".html".Length : to.EndsWith(".html", StringComparison.Ordinal) ? -1 : to.IndexOf('#');
        var fragment = hash >= 0 ? to[hash..] : "";
        var target = hash >= 0 ? to[..hash] : to;
        if (target.Length == 0)
        {
            return fragment;
        }

        if (target == from && fragment.Length > 0)
        {
            return fragment;
        }

        var fromParts = from.Split('/');
        var toParts = target.Split('/');
        var common = 0;
        while (common < fromParts.Length - 1 && common < toParts.Length - 1 && fromParts[common] == toParts[common])
        {
            common++;
        }

        var up = fromParts.Length - 1 - common;
        var parts = Enumerable.Repeat("..", up).Concat(toParts.Skip(common));
        return EncodePath(string.Join('/', parts)) + fragment;
    }

    /// <summary>
    /// A site path made safe as a URL path: ASCII characters a URL path cannot hold as they are (<c>%</c>, <c>#</c>, <c>?</c>, space,
    /// quotes, brackets, controls) are percent-encoded, so <c>content/a#b.md</c> links as <c>a%23b.html</c>. Letters of other
    /// scripts stay readable; browsers send them as UTF-8.
    /// </summary>
    public static string EncodePath(string path)
    {
        if (!path.Any(NeedsEncoding))
        {
            return path;
        }

        var encoded = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (NeedsEncoding(c))
            {
                encoded.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append(c);
            }
        }

        return encoded.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> SafeInPath =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");

    private static bool NeedsEncoding(char c) => c < 0x80 && !SafeInPath.Contains(c);

    /// <summary>The prefix from page <paramref name="from"/> back to the site root: "" or "../" or "../../".</summary>
    public static string ToRoot(string from) => string.Concat(Enumerable.Repeat("../", from.Count(c => c == '/')));
}
