using System.Globalization;
using System.Text.RegularExpressions;

namespace Handbook.Guide;

/// <summary>
/// How long a spoken answer should take, read from the guide's delivery rules ("Keep answers to 2-3 minutes max." → 2:00 and
/// 3:00): the drill's timer marks both. A guide that says nothing about time gets 2–3 minutes, the usual advice.
/// </summary>
/// <param name="SoftSeconds">When an answer should be wrapping up.</param>
/// <param name="HardSeconds">When it is too long.</param>
/// <param name="Rule">The delivery rule the limits came from, or null for the default.</param>
public sealed partial record AnswerTimeLimits(int SoftSeconds, int HardSeconds, string? Rule)
{
    public static readonly AnswerTimeLimits Default = new(120, 180, null);

    /// <summary>Longer than this is not an answer length (a "30-minute" system design round, say): ignored.</summary>
    private const int MaxSeconds = 15 * 60;

    public static AnswerTimeLimits From(IEnumerable<string> deliveryRules)
    {
        foreach (var rule in deliveryRules)
        {
            if (Range().Match(rule) is { Success: true } range)
            {
                var unit = Seconds(range.Groups["unit"].Value);
                var soft = (int)Math.Round(Number(range.Groups["from"].Value) * unit);
                var hard = (int)Math.Round(Number(range.Groups["to"].Value) * unit);
                if (soft > 0 && soft < hard && hard <= MaxSeconds)
                {
                    return new AnswerTimeLimits(soft, hard, rule);
                }
            }
            else if (AboutAnswers().IsMatch(rule) && Single().Match(rule) is { Success: true } single)
            {
                // "Answer in under 3 minutes": one limit; wrap up a minute (or a third, for short limits) before it.
                var hard = (int)Math.Round(Number(single.Groups["to"].Value) * Seconds(single.Groups["unit"].Value));
                if (hard >= 30 && hard <= MaxSeconds)
                {
                    return new AnswerTimeLimits(Math.Max(hard - 60, hard * 2 / 3), hard, rule);
                }
            }
        }

        return Default;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Seconds(string unit) => unit.StartsWith("s", StringComparison.OrdinalIgnoreCase) ? 1 : 60;

    private const string Unit = @"\s*(?<unit>minutes?|mins?|seconds?|secs?)\b";

    [GeneratedRegex(@"(?<![\w.])(?<from>\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(?<to>\d+(?:\.\d+)?)" + Unit, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"\b(?:answers?|respon|stor(?:y|ies)|speak|talk)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutAnswers();

    [GeneratedRegex(@"(?<![\w.])(?<to>\d+(?:\.\d+)?)" + Unit, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Single();
}
