using Handbook.Diagnostics;

namespace Handbook.Model;

/// <summary>One STAR part of an archetype's template: <c>Situation [the flaky failure]</c>.</summary>
public sealed record TemplatePart(string Name, string Prompt);

/// <summary>The closing line of a template: <c>AI tie-in: …</c> has kind "AI".</summary>
public sealed record TieIn(string Kind, string Text);

/// <summary>A STAR story archetype defined by the guide.</summary>
public sealed record Archetype(
    int Number,
    string Title,
    string Slug,
    string? Probes,
    string? StoryShape,
    IReadOnlyList<TemplatePart> Template,
    TieIn? TieIn,
    string ChapterPath,
    string HeadingId,
    SourceLocation Location)
{
    /// <summary><c>3. A production incident you caused</c>.</summary>
    public string NumberedTitle => $"{Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}. {Title}";
}
