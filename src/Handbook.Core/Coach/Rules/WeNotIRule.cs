using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>we-not-i</c> (warning): task and actions say we/our/us more often than I/my/me.</summary>
public sealed partial class WeNotIRule : IStoryRule
{
    private static readonly HashSet<string> We = new(StringComparer.OrdinalIgnoreCase)
    {
        "we", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll",
    };

    private static readonly HashSet<string> Me = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "me", "mine", "myself", "i'm", "i've", "i'd", "i'll",
    };

    public string Code => "we-not-i";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        var fields = new[] { story.Task }.Concat(story.Actions).Where(f => !f.IsPlaceholderOnly).ToList();
        var counts = fields.Select(f => Count(f.Text.Value)).ToList();
        var we = counts.Sum(c => c.We);
        var me = counts.Sum(c => c.Me);
        if (we <= me)
        {
            yield break;
        }

        // Point at the first field where "we" outweighs "I": that is where the role disappears.
        var at = fields[Enumerable.Range(0, fields.Count).FirstOrDefault(i => counts[i].We > counts[i].Me)].Text.Location;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"task and actions say we/our/us {we} {Times(we)} and I/my/me {me} {Times(me)}; {GuideRules.FirstPerson}, and {GuideRules.WeAntiPattern}");
        yield return StoryCheck.Warning(at, Code, message);
    }

    public static (int We, int Me) Count(string text)
    {
        int we = 0, me = 0;
        foreach (Match word in Word().Matches(text))
        {
            var value = word.Value.Replace('’', '\'');

            // "I" only as the capital pronoun; "us" only in lower case, so the country "US" is not counted.
            if (value == "I" || value.StartsWith("I'", StringComparison.Ordinal) || Me.Contains(value))
            {
                me++;
            }
            else if (value is "us" or "Us" || We.Contains(value))
            {
                we++;
            }
        }

        return (we, me);
    }

    private static string Times(int n) => n == 1 ? "time" : "times";

    [GeneratedRegex(@"[\p{L}]+(?:['’][\p{L}]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
