using Handbook.Model;

namespace Handbook.Link;

/// <summary>
/// The anchored scale of each archetype: by default written from the guide itself (the story shape and the delivery rules
/// describe a strong answer, the anti-patterns the weak ones), with the team's own sentences from <c>loop.yml</c> taking their place.
/// </summary>
public static class RatingScales
{
    /// <summary>How many delivery rules or anti-patterns one anchor quotes: enough to calibrate, short enough for a one-page scorecard.</summary>
    private const int Quoted = 3;

    public static RatingScale For(Archetype archetype, HandbookModel model, IReadOnlyDictionary<RatingLevel, string>? overrides)
    {
        var defaults = Defaults(archetype, model.DeliveryRules, model.AntiPatterns);
        return new RatingScale(RatingScale.Names
            .Select(n => new ScaleLevel(n.Level, n.Name, overrides is not null && overrides.TryGetValue(n.Level, out var own) ? own : defaults[n.Level]))
            .ToList());
    }

    public static IReadOnlyDictionary<RatingLevel, string> Defaults(Archetype archetype, IReadOnlyList<string> deliveryRules, IReadOnlyList<string> antiPatterns)
    {
        // The story shape is printed beside the scale as what to listen for, so the strong answer points at it rather than repeating it.
        var shape = archetype.StoryShape is not null ? "The whole story shape, told with specifics of their own." : archetype.Probes is { } p ? $"A specific story of their own that answers what it probes: {Sentence(p)}" : "A specific story of their own that fits this archetype.";
        var rules = deliveryRules.Count > 0 ? $" Delivered as the guide asks: {Join(deliveryRules.Take(Quoted))}" : " Specific, in the first person, with a measured result.";
        var weak = antiPatterns.Count > 0 ? Join(antiPatterns.Take(Quoted)) : "vague, with no result of their own.";
        var worse = antiPatterns.Count > Quoted ? $" Or several anti-patterns at once, such as: {Join(antiPatterns.Skip(Quoted).Take(2))}" : "";
        return new Dictionary<RatingLevel, string>
        {
            [RatingLevel.StrongYes] = shape + rules,
            [RatingLevel.Yes] = "A relevant story the candidate clearly owned, with a real outcome, but thin on one of those points (the number, their own actions, or the lesson).",
            [RatingLevel.No] = $"A relevant story weakened by an anti-pattern: {weak}",
            [RatingLevel.StrongNo] = $"No real story: a hypothetical or generic answer, or someone else's work.{worse}",
        };
    }

    /// <summary>Quoted guide bullets as one run of text: "Keep answers short; Use numbers."</summary>
    private static string Join(IEnumerable<string> items) => string.Join("; ", items.Select(i => i.Trim().TrimEnd('.'))) + ".";

    private static string Sentence(string text) => text.Trim().EndsWith('.') || text.Trim().EndsWith('?') ? text.Trim() : text.Trim() + ".";
}
