using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>placeholder</c> (warning): a bracketed template prompt such as <c>[the flaky failure]</c> left unfilled; once per field.</summary>
public sealed class PlaceholderRule : IStoryRule
{
    public string Code => "placeholder";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        foreach (var field in story.AllFields())
        {
            if (Placeholders.First(field.Text.Value) is { } prompt)
            {
                yield return StoryCheck.Warning(field.Text.Location, Code, $"{field.Name} still holds the template prompt '{prompt}'; {GuideRules.FillTemplate}");
            }
        }
    }
}
