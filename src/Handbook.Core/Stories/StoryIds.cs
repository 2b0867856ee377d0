using System.Text;

namespace Handbook.Stories;

/// <summary>A story's id is its file name: it becomes the anchor <c>story-ID</c>, so it is kept to lower-case letters, digits and hyphens.</summary>
public static class StoryIds
{
    public static bool IsValid(string id)
    {
        if (id.Length == 0 || id[0] == '-' || id[^1] == '-')
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

    /// <summary>A valid id close to <paramref name="id"/>: lower-cased, other characters turned into single hyphens.</summary>
    public static string Suggest(string id)
    {
        var clean = new StringBuilder(id.Length);
        foreach (var c in id.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                clean.Append(c);
            }
            else if (c < 128 && clean.Length > 0 && clean[^1] != '-')
            {
                clean.Append('-');
            }
        }

        var suggestion = clean.ToString().Trim('-');
        return suggestion.Length == 0 ? "my-story" : suggestion;
    }
}
