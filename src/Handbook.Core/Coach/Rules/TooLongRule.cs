using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>too-long</c> (warning): the story takes over 3 minutes to tell at 150 words a minute.</summary>
public sealed partial class TooLongRule : IStoryRule
{
    public const int WordsPerMinute = 150;
    public const int MaxMinutes = 3;
    public const int MaxWords = WordsPerMinute * MaxMinutes;

    public string Code => "too-long";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        var words = story.SpokenFields().Sum(f => Words(f.Text.Value));
        if (words <= MaxWords)
        {
            yield break;
        }

        var minutes = (double)words / WordsPerMinute;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"the story runs {words} words, about {minutes:0.0} minutes at {WordsPerMinute} words a minute (at most {MaxWords}); {GuideRules.Length}");
        yield return StoryCheck.Warning(story.Story.Location, Code, message);
    }

    /// <summary>Spoken words: runs of letters or digits (Markdown punctuation and links' brackets don't count).</summary>
    public static int Words(string text) => Word().Count(text);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
