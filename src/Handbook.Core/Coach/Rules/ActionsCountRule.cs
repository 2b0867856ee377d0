using System.Globalization;
using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>actions-count</c> (warning): fewer than 2 or more than 4 actions.</summary>
public sealed class ActionsCountRule : IStoryRule
{
    public const int Fewest = 2;
    public const int Most = 4;

    public string Code => "actions-count";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        // No actions at all is star-missing; a list still holding the template's prompt is a placeholder.
        var count = story.Actions.Count;
        if (count == 0 || story.Actions.Any(a => a.IsPlaceholderOnly) || count is >= Fewest and <= Most)
        {
            yield break;
        }

        var many = count > Most ? "too many to tell" : "too few to show what you did";
        var actions = count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " action" : " actions");
        yield return StoryCheck.Warning(story.Story.ActionsLocation, Code, $"the story lists {actions}, {many}; {GuideRules.Action}");
    }
}
