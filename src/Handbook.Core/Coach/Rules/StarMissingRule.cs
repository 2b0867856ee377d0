using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>star-missing</c> (error): a required STAR part is empty.</summary>
public sealed class StarMissingRule : IStoryRule
{
    public string Code => "star-missing";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        foreach (var (field, part, rule) in new[]
        {
            (story.Situation, "Situation", GuideRules.Situation),
            (story.Task, "Task", GuideRules.Task),
            (story.Result, "Result", GuideRules.Result),
        })
        {
            if (field.IsEmpty)
            {
                yield return StoryCheck.Error(field.Text.Location, Code, $"the {part} is empty; {rule}");
            }
        }

        if (story.Actions.Count == 0)
        {
            yield return StoryCheck.Error(story.Story.ActionsLocation, Code, $"the story lists no actions; {GuideRules.Action}");
        }

        foreach (var action in story.Actions.Where(a => a.IsEmpty))
        {
            yield return StoryCheck.Error(action.Text.Location, Code, $"{action.Name} is empty; {GuideRules.Action}");
        }
    }
}
