using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Link;

/// <summary>
/// A round of the loop with its archetypes resolved, in the order the round lists them, and where the round names each
/// (by number, for diagnostics about it).
/// </summary>
public sealed record LinkedRound(LoopRound Round, IReadOnlyList<Archetype> Archetypes, IReadOnlyDictionary<int, SourceLocation> NamedAt)
{
    public string Name => Round.Name;

    public string Slug => Round.Slug;
}

/// <summary>One level of an anchored scale: its name and the sentence describing the answer that earns it.</summary>
public sealed record ScaleLevel(RatingLevel Level, string Name, string Anchor);

/// <summary>The four-point scale of one archetype's scorecard, weakest level first, every level anchored by a sentence.</summary>
public sealed record RatingScale(IReadOnlyList<ScaleLevel> Levels)
{
    /// <summary>The levels' names, weakest first: the same for every archetype, so every interviewer scores the same way.</summary>
    public static readonly IReadOnlyList<(RatingLevel Level, string Name)> Names =
    [
        (RatingLevel.StrongNo, "Strong no"), (RatingLevel.No, "No"), (RatingLevel.Yes, "Yes"), (RatingLevel.StrongYes, "Strong yes"),
    ];
}
