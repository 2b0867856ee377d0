using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Coach;

/// <summary>One story under review: the story, the archetypes it resolved to, and its fields named for messages.</summary>
public sealed class StoryCheck
{
    public StoryCheck(Story story, IReadOnlyList<Archetype> archetypes)
    {
        Story = story;
        Archetypes = archetypes;
        Situation = new StoryField("situation", story.Situation);
        Task = new StoryField("task", story.Task);
        Actions = story.Actions.Select((a, i) => new StoryField("action " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a)).ToList();
        Result = new StoryField("result", story.Result);
        TieIn = story.TieIn is null ? null : new StoryField("tie_in", story.TieIn);
        Lesson = story.Lesson is null ? null : new StoryField("lesson", story.Lesson);
    }

    public Story Story { get; }

    public IReadOnlyList<Archetype> Archetypes { get; }

    public StoryField Situation { get; }

    public StoryField Task { get; }

    public IReadOnlyList<StoryField> Actions { get; }

    public StoryField Result { get; }

    public StoryField? TieIn { get; }

    public StoryField? Lesson { get; }

    /// <summary>Every text field, title included, in file order.</summary>
    public IEnumerable<StoryField> AllFields()
    {
        yield return new StoryField("title", new StoryText(Story.Title, Story.TitleLocation));
        foreach (var field in SpokenFields())
        {
            yield return field;
        }
    }

    /// <summary>The fields told aloud, in the order they are told.</summary>
    public IEnumerable<StoryField> SpokenFields()
    {
        yield return Situation;
        yield return Task;
        foreach (var action in Actions)
        {
            yield return action;
        }

        yield return Result;
        if (TieIn is not null)
        {
            yield return TieIn;
        }

        if (Lesson is not null)
        {
            yield return Lesson;
        }
    }

    public static Diagnostic Error(SourceLocation at, string code, string message) => new(at, Severity.Error, code, message);

    public static Diagnostic Warning(SourceLocation at, string code, string message) => new(at, Severity.Warning, code, message);

    public static Diagnostic Info(SourceLocation at, string code, string message) => new(at, Severity.Info, code, message);
}
