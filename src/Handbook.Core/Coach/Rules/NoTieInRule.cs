using System.Globalization;
using Handbook.Diagnostics;

namespace Handbook.Coach.Rules;

/// <summary><c>no-tie-in</c> (warning): no tie-in, though one of the story's archetypes has a template that ends with one.</summary>
public sealed class NoTieInRule : IStoryRule
{
    public string Code => "no-tie-in";

    public IEnumerable<Diagnostic> Check(StoryCheck story)
    {
        var tieIn = story.TieIn;
        if (tieIn is { IsEmpty: false })
        {
            yield break;
        }

        var archetype = story.Archetypes.FirstOrDefault(a => a.TieIn is not null);
        if (archetype?.TieIn is not { } template)
        {
            yield break;
        }

        var number = archetype.Number.ToString(CultureInfo.InvariantCulture);
        yield return StoryCheck.Warning(
            tieIn?.Text.Location ?? story.Story.Location,
            Code,
            $"the story has no tie-in, though archetype #{number}'s template ends with one: \"{template.Kind} tie-in: {template.Text}\"");
    }
}
