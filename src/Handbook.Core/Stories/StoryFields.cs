namespace Handbook.Stories;

/// <summary>The fields of a story file, as <c>schema/story.schema.json</c> documents them, with the hint a missing one gets.</summary>
public static class StoryFields
{
    public const string Title = "title";
    public const string Archetypes = "archetypes";
    public const string Situation = "situation";
    public const string Task = "task";
    public const string Actions = "actions";
    public const string Result = "result";
    public const string TieIn = "tie_in";
    public const string Lesson = "lesson";
    public const string Tags = "tags";
    public const string Primary = "primary";
    public const string Visibility = "visibility";
    public const string Questions = "questions";

    public static readonly IReadOnlyList<string> Known =
        [Title, Archetypes, Questions, Situation, Task, Actions, Result, TieIn, Lesson, Tags, Primary, Visibility];

    /// <summary>What a story names that it serves: archetypes, questions, or both; one of them is required.</summary>
    public const string ServesHint = "the archetype numbers or slugs it serves, e.g. [1], or the 'questions' it answers (their text or id)";

    /// <summary>Required fields in the order a story is written, with what to put there (besides archetypes or questions).</summary>
    public static readonly IReadOnlyList<(string Name, string Hint)> Required =
    [
        (Title, "a short name for the story"),
        (Situation, "one sentence of context"),
        (Task, "what you specifically owned"),
        (Actions, "a list of the 2-4 concrete things you did"),
        (Result, "an explicit outcome, ideally a number"),
    ];
}
