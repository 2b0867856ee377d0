using System.Text;
using Handbook.Markdown;

namespace Handbook.Stories;

/// <summary>
/// The one rule for a story id (its file name without extension), shared by <c>check</c> and <c>handbook new story</c>:
/// lower-case ASCII letters, digits and hyphens, starting and ending with a letter or digit, at most <see cref="MaxLength"/> long.
/// </summary>
public static class StoryIds
{
    public const int MaxLength = 100;

    public const string Rule = "use lower-case letters, digits and hyphens, starting and ending with a letter or digit";

    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength || id[0] == '-' || id[^1] == '-')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A valid id close to <paramref name="id"/>: accents folded to ASCII (<c>Résumé</c> → <c>resume</c>, by the same table as heading
    /// slugs, because <see cref="string.Normalize()"/> does nothing under InvariantGlobalization), lower-cased, other characters
    /// turned into single hyphens.
    /// </summary>
    public static string Suggest(string id)
    {
        var clean = new StringBuilder(id.Length);
        foreach (var c in AsciiFolding.Fold(id).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                clean.Append(c);
            }
            else if (clean.Length > 0 && clean[^1] != '-')
            {
                clean.Append('-');
            }
        }

        var suggestion = clean.ToString().Trim('-');
        if (suggestion.Length > MaxLength)
        {
            suggestion = suggestion[..MaxLength].TrimEnd('-');
        }

        return suggestion.Length == 0 ? "my-story" : suggestion;
    }
}
