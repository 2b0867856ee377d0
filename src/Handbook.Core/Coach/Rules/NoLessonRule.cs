using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>no-lesson</c> (info): no lesson or changed operating rule.</summary>
public sealed class NoLessonRule : IStoryRule
{
    public string Code => "no-lesson";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        var lesson = story.Lesson;
        if (lesson is { IsEmpty: false })
        {
            yield break;
        }

        yield return StoryCheck.Info(lesson?.Text.Location ?? story.Story.Location, Code, $"the story has no lesson; {GuideRules.Lesson}");
    }
}
