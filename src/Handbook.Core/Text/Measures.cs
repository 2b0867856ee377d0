using System.Text.RegularExpressions;

namespace Handbook.Text;

/// <summary>
/// Measured outcomes in prose: numbers (with a currency, a thousands suffix or a unit), percentages, multiples (<c>25x</c>,
/// <c>doubled</c>, <c>halved</c>) and durations (<c>4 hours</c>, <c>three weeks</c>). The coach asks whether a result has one;
/// the story renderer emphasises each. One definition so the two can never disagree.
/// </summary>
public static partial class Measures
{
    private const string Units =
        @"%|percent\b|x\b|×|k\b|m\b|bn\b|ms\b|milliseconds?\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|quarters?\b|years?\b|times\b|fold\b";

    private const string NumberWords =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a thousand|a dozen|dozens of|hundreds of|thousands of";

    // A number starts at a word boundary (so the 99 of "p99" is a name, not a measure); a number word counts only with a unit.
    [GeneratedRegex(
        @"(?<![\w.])[$€£]?\d+(?:[.,]\d+)*(?:\s?(?:" + Units + "))?"
        + @"|\b(?:" + NumberWords + @")[\s-](?:" + Units + ")"
        + @"|\b(?:halved|doubled|tripled|quadrupled|twice|thrice|in half|(?:two|three|four|five|ten|twenty|hundred|thousand)fold)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The spans of <paramref name="text"/> that state a measure, left to right, not overlapping.</summary>
    public static IEnumerable<(int Start, int Length)> Find(string text)
    {
        foreach (Match match in Pattern().Matches(text))
        {
            yield return (match.Index, match.Length);
        }
    }

    public static bool Any(string text) => Pattern().IsMatch(text);
}
