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

    public static string Archetype(string slug) => $"archetypes/{slug}.html";

    public static string Scorecard(string slug) => $"scorecards/{slug}.html";

    /// <summary>
    /// The href from page <paramref name="from"/> to site path <paramref name="to"/> (which may carry a <c>#fragment</c>),
    /// always relative and always naming the file, so the site works under any subpath and from <c>file://</c>.
    /// </summary>
    public static string Relative(string from, string to)
    {
        var hash = to.IndexOf('#');
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
        return string.Join('/', parts) + fragment;
    }

    /// <summary>The prefix from page <paramref name="from"/> back to the site root: "" or "../" or "../../".</summary>
    public static string ToRoot(string from) => string.Concat(Enumerable.Repeat("../", from.Count(c => c == '/')));
}
