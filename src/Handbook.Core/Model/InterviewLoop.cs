using Handbook.Diagnostics;

namespace Handbook.Model;

/// <summary>
/// A team's interview loop from <c>content/loop.yml</c>: the rounds in the order a candidate meets them, and the team's own
/// wording of the rating scale per archetype where the guide's defaults do not fit.
/// </summary>
public sealed record InterviewLoop(string SourcePath, SourceLocation Location, IReadOnlyList<LoopRound> Rounds, IReadOnlyList<ScaleOverride> Scales)
{
    public static InterviewLoop Empty { get; } = new("", default, [], []);
}

/// <summary>One interview of the loop. <see cref="Archetypes"/> are written as in stories: a number or a slug.</summary>
public sealed record LoopRound(
    string Name,
    string Slug,
    int? Minutes,
    string? Interviewer,
    IReadOnlyList<ArchetypeRef> Archetypes,
    IReadOnlyList<StoryText> Questions,
    IReadOnlyList<LevelExpectation> Levels,
    SourceLocation Location);

/// <summary>What the round expects of a candidate at one level (<c>senior: leads the incident review…</c>).</summary>
public sealed record LevelExpectation(string Level, string Text);

/// <summary>The team's sentences for some levels of one archetype's scale; a level left out keeps the guide's default.</summary>
public sealed record ScaleOverride(ArchetypeRef Archetype, IReadOnlyDictionary<RatingLevel, string> Anchors);

/// <summary>The fixed four-point scale every scorecard uses, weakest first.</summary>
public enum RatingLevel
{
    StrongNo,
    No,
    Yes,
    StrongYes,
}
