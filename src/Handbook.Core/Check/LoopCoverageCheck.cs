using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Link;

namespace Handbook.Check;

/// <summary>
/// A loop should probe every archetype once: one no round covers goes unassessed (<c>loop-uncovered</c>), and one that two rounds
/// cover has both interviewers ask the same questions while something else goes unasked (<c>loop-overlap</c>).
/// </summary>
public static class LoopCoverageCheck
{
    public static void Run(LinkedHandbook handbook, DiagnosticBag diagnostics)
    {
        var loop = handbook.Model.Loop;
        if (loop.Rounds.Count == 0)
        {
            return;
        }

        foreach (var archetype in handbook.Model.Archetypes)
        {
            var covering = handbook.RoundsCovering(archetype.Number).ToList();
            if (covering.Count == 0)
            {
                diagnostics.Warning(loop.Location, "loop-uncovered", $"no round covers archetype #{N(archetype.Number)} \"{archetype.Title}\"; add it to the 'archetypes' of the round that should probe it");
                continue;
            }

            foreach (var later in covering.Skip(1))
            {
                var at = later.NamedAt[archetype.Number];
                diagnostics.Warning(at, "loop-overlap", $"archetype #{N(archetype.Number)} \"{archetype.Title}\" is covered by rounds '{covering[0].Name}' and '{later.Name}', which would ask the same questions; keep it in one round");
            }
        }

        var asked = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var round in loop.Rounds)
        {
            foreach (var question in round.Questions)
            {
                if (asked.TryGetValue(question.Value, out var first) && first != round.Name)
                {
                    diagnostics.Warning(question.Location, "loop-overlap", $"round '{round.Name}' asks \"{question.Value}\", which round '{first}' asks already; keep it in one round");
                }
                else
                {
                    asked.TryAdd(question.Value, round.Name);
                }
            }
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
