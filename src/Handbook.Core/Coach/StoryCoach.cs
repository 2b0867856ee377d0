using System.Globalization;
using Handbook.Coach.Rules;
using Handbook.Diagnostics;
using Handbook.Link;
using Handbook.Model;

namespace Handbook.Coach;

/// <summary>
/// The guide's rubric as a linter over the story bank. It coaches every story, private ones included (they are the user's
/// own and count for coverage), and returns what it found as data so the readiness page can show it without re-running rules.
/// </summary>
public static class StoryCoach
{
    /// <summary>The rules in the order their findings read best; a rule's code is part of the public interface.</summary>
    public static readonly IReadOnlyList<IStoryRule> Rules =
    [
        new StarMissingRule(),
        new PlaceholderRule(),
        new ActionsCountRule(),
        new ResultNoNumberRule(),
        new WeNotIRule(),
        new TooLongRule(),
        new NoTieInRule(),
        new NoLessonRule(),
    ];

    public const string UncoveredCode = "archetype-uncovered";

    public static CoachReport Run(LinkedHandbook handbook, DiagnosticBag diagnostics)
    {
        var model = handbook.Model;
        var byStory = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
        foreach (var story in model.Stories)
        {
            var found = Coach(story, ArchetypesOf(handbook, story));
            byStory[story.Id] = found;
            foreach (var diagnostic in found)
            {
                diagnostics.Add(diagnostic);
            }
        }

        var uncovered = Uncovered(handbook);
        foreach (var diagnostic in uncovered)
        {
            diagnostics.Add(diagnostic);
        }

        return new CoachReport(byStory, uncovered);
    }

    /// <summary>Every rule's findings on one story, in source order.</summary>
    public static IReadOnlyList<Diagnostic> Coach(Story story, IReadOnlyList<Archetype> archetypes)
    {
        var check = new StoryCheck(story, archetypes);
        return Rules.SelectMany(rule => rule.Check(check))
            .OrderBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// <c>archetype-uncovered</c>: an archetype no story serves, public or private. Only for a handbook that keeps a story bank:
    /// a team's guide without <c>content/stories/</c> is not missing anything.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Uncovered(LinkedHandbook handbook)
    {
        var model = handbook.Model;
        if (!model.HasStoryBank)
        {
            return [];
        }

        var covered = model.Stories
            .SelectMany(s => handbook.StoryArchetypes.GetValueOrDefault(s.Id) ?? [])
            .ToHashSet();
        return model.Archetypes
            .Where(a => !covered.Contains(a.Number))
            .Select(a => new Diagnostic(
                a.Location,
                Severity.Warning,
                UncoveredCode,
                $"no story serves archetype #{a.Number.ToString(CultureInfo.InvariantCulture)} \"{a.Title}\" yet; {GuideRules.OneStoryPerArchetype}: add one to {Load.SourceLoader.StoriesFolderOf(model.ContentDir)}/ with 'archetypes: [{a.Number.ToString(CultureInfo.InvariantCulture)}]'"))
            .ToList();
    }

    private static List<Archetype> ArchetypesOf(LinkedHandbook handbook, Story story) =>
        (handbook.StoryArchetypes.GetValueOrDefault(story.Id) ?? [])
            .Where(handbook.ArchetypesByNumber.ContainsKey)
            .Select(n => handbook.ArchetypesByNumber[n])
            .ToList();
}
