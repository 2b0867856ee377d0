using System.Globalization;
using System.Text;

namespace Handbook.Markdown;

/// <summary>
/// Heading ids by Python-Markdown's <c>toc</c> rules (what MkDocs, where guides are first published, uses), so links keep working:
/// NFKD, drop non-ASCII, drop what is not a word character, space or hyphen, lower-case, runs of spaces and hyphens become one hyphen.
/// A title with no ASCII letters at all (CJK, emoji) keeps its Unicode letters instead (Python-Markdown's <c>slugify_unicode</c>),
/// so it stays readable rather than becoming <c>_1</c>.
/// </summary>
public static class HeadingSlugger
{
    public static string Slugify(string text)
    {
        var ascii = Slug(text, keepUnicode: false);
        return ascii.Length > 0 ? ascii : Slug(text, keepUnicode: true);
    }

    private static string Slug(string text, bool keepUnicode)
    {
        // NFKD-then-drop-non-ASCII is done per code point from a table: string.Normalize is a no-op under InvariantGlobalization,
        // which would turn "Café" into "caf" instead of Python-Markdown's "cafe" (and differ between hosts with and without ICU).
        var normalized = keepUnicode ? text.Normalize(NormalizationForm.FormKC) : AsciiFolding.Fold(text);
        var kept = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value == '_' || IsCombining(rune))
            {
                kept.Append(rune.ToString().ToLowerInvariant());
            }
            else if (rune.Value == '-' || Rune.IsWhiteSpace(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        // strip(), then collapse runs of '-' and whitespace into one '-'.
        var trimmed = kept.ToString().Trim();
        var slug = new StringBuilder(trimmed.Length);
        var inSeparator = false;
        foreach (var c in trimmed)
        {
            if (c == '-' || char.IsWhiteSpace(c))
            {
                inSeparator = true;
                continue;
            }

            if (inSeparator)
            {
                slug.Append('-');
                inSeparator = false;
            }

            slug.Append(c);
        }

        if (inSeparator)
        {
            slug.Append('-');
        }

        return slug.ToString();
    }

    // Python's \w matches combining marks (category Mn/Mc), which NFKC keeps attached to their letters.
    private static bool IsCombining(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Python-Markdown's <c>unique()</c>: a repeated id gets <c>_1</c>, <c>_2</c>, … ; an empty id becomes <c>_1</c>.</summary>
    public static string Unique(string id, ISet<string> used)
    {
        while (id.Length == 0 || used.Contains(id))
        {
            var underscore = id.LastIndexOf('_');
            if (underscore >= 0 && underscore < id.Length - 1 && int.TryParse(id.AsSpan(underscore + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{id[..underscore]}_{n + 1}");
            }
            else
            {
                id += "_1";
            }
        }

        used.Add(id);
        return id;
    }
}
