using Handbook.Diagnostics;

namespace Handbook.Model;

public enum Visibility
{
    Public,
    Private,
}

/// <summary>A reference to an archetype as written in a story: a number or a slug.</summary>
public sealed record ArchetypeRef(string Text, SourceLocation Location);

/// <summary>A question a story names as one it answers: the question's text or id, as written.</summary>
public sealed record QuestionRef(string Text, SourceLocation Location);

/// <summary>A field's text with where it starts, for coach diagnostics.</summary>
public sealed record StoryText(string Value, SourceLocation Location);

/// <summary>One STAR story from <c>content/stories/ID.yml</c>. Text fields hold inline Markdown.</summary>
public sealed record Story(
    string Id,
    string SourcePath,
    SourceLocation Location,
    string Title,
    IReadOnlyList<ArchetypeRef> Archetypes,
    StoryText Situation,
    StoryText Task,
    IReadOnlyList<StoryText> Actions,
    StoryText Result,
    StoryText? TieIn,
    StoryText? Lesson,
    IReadOnlyList<string> Tags,
    bool Primary,
    Visibility Visibility)
{
    public bool IsPublic => Visibility == Visibility.Public;

    /// <summary>Where the title's value starts (the story's location when unknown).</summary>
    public SourceLocation TitleLocation { get; init; } = Location;

    /// <summary>The guide's questions this story answers (<c>questions:</c>), besides or instead of its archetypes.</summary>
    public IReadOnlyList<QuestionRef> Questions { get; init; } = [];

    /// <summary>Where the <c>actions</c> list starts, for diagnostics about the list as a whole.</summary>
    public SourceLocation ActionsLocation { get; init; } = Location;
}
