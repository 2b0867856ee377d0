using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Link;

/// <summary>Resolves the loop's archetype references (rounds and scale overrides) against the guide, reporting unknown ones.</summary>
public static class LoopLinker
{
    public static (IReadOnlyList<LinkedRound> Rounds, IReadOnlyDictionary<int, RatingScale> Scales) Link(
        HandbookModel model,
        IReadOnlyDictionary<int, Archetype> byNumber,
        IReadOnlyDictionary<string, Archetype> bySlug,
        DiagnosticBag diagnostics)
    {
        var rounds = new List<LinkedRound>();
        foreach (var round in model.Loop.Rounds)
        {
            var archetypes = new List<Archetype>();
            var namedAt = new Dictionary<int, SourceLocation>();
            foreach (var reference in round.Archetypes)
            {
                if (Linker.Resolve(reference, byNumber, bySlug, "loop-unknown-archetype", diagnostics) is int number && namedAt.TryAdd(number, reference.Location))
                {
                    archetypes.Add(byNumber[number]);
                }
            }

            rounds.Add(new LinkedRound(round, archetypes, namedAt));
        }

        var overrides = new Dictionary<int, ScaleOverride>();
        foreach (var scale in model.Loop.Scales)
        {
            if (Linker.Resolve(scale.Archetype, byNumber, bySlug, "loop-unknown-archetype", diagnostics) is not int number)
            {
                continue;
            }

            if (overrides.TryGetValue(number, out var first))
            {
                diagnostics.Error(scale.Archetype.Location, "loop-duplicate-scale", $"archetype #{number.ToString(CultureInfo.InvariantCulture)} already has its scale at line {first.Archetype.Location.Line.ToString(CultureInfo.InvariantCulture)}; keep one");
                continue;
            }

            overrides[number] = scale;
        }

        var scales = model.Archetypes.ToDictionary(a => a.Number, a => RatingScales.For(a, model, overrides.GetValueOrDefault(a.Number)?.Anchors));
        return (rounds, scales);
    }
}
