using System.Globalization;
using System.Text.RegularExpressions;
using Handbook.Diagnostics;
using Handbook.Markdown;
using Handbook.Model;
using Markdig.Syntax;

namespace Handbook.Guide;

/// <summary>What the guide defines beyond prose: archetypes, questions, and the rules a story is told by.</summary>
public sealed record GuideExtraction(
    IReadOnlyList<Archetype> Archetypes,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<string> DeliveryRules,
    IReadOnlyList<string> AntiPatterns);

/// <summary>Extracts archetypes, questions, delivery rules and anti-patterns from the chapters' Markdown ASTs by the documented conventions.</summary>
public static partial class GuideExtractor
{
    public static GuideExtraction Extract(IReadOnlyList<Chapter> chapters, DiagnosticBag diagnostics) =>
        Extract(chapters, ArchetypeDeclarations.None, diagnostics);

    /// <param name="declared">Archetypes (and their questions) from archetypes.yml, merged with the guide's.</param>
    public static GuideExtraction Extract(IReadOnlyList<Chapter> chapters, ArchetypeDeclarations declared, DiagnosticBag diagnostics)
    {
        // A chapter whose tree the model let go as it was read holds nothing extracted here (see Uses): it is not parsed again.
        var sections = chapters.Select(c => c.Markdown.IsHeld ? Section.Build(c) : []).ToList();
        var archetypes = Merge(ArchetypeExtractor.Extract(sections, diagnostics), declared.Archetypes, diagnostics);
        var questions = AddDeclaredQuestions(QuestionExtractor.Extract(sections, diagnostics), declared.Questions, archetypes);
        WarnAboutUnknownReferences(chapters, archetypes, diagnostics);
        var all = sections.SelectMany(Section.InOrder).ToList();
        return new GuideExtraction(archetypes, questions, Bullets(all, RulesHeading()), Bullets(all, AntiPatternsHeading()));
    }

    /// <summary>
    /// Whether <see cref="Extract"/> reads anything in a chapter's sections: archetypes, questions, rules or anti-patterns. A large
    /// guide lets the tree of every other chapter go as soon as it is read, rather than holding every tree until all are read.
    /// </summary>
    public static bool Uses(IReadOnlyList<Section> roots) =>
        ArchetypeExtractor.DeclaresAny(roots)
        || QuestionExtractor.AsksAny(roots)
        || Section.InOrder(roots).Any(s => RulesHeading().IsMatch(s.Text) || AntiPatternsHeading().IsMatch(s.Text));

    /// <summary>
    /// The guide's archetypes and those of archetypes.yml, by number. One declared in both places must agree on its title and slug
    /// (the guide's description then wins, archetypes.yml filling what it leaves out); a disagreement is an error at both places.
    /// </summary>
    private static IReadOnlyList<Archetype> Merge(IReadOnlyList<Archetype> fromGuide, IReadOnlyList<Archetype> declared, DiagnosticBag diagnostics)
    {
        if (declared.Count == 0)
        {
            return fromGuide;
        }

        var merged = fromGuide.ToList();
        foreach (var yml in declared)
        {
            var index = merged.FindIndex(a => a.Number == yml.Number || a.Slug == yml.Slug);
            if (index < 0)
            {
                merged.Add(yml);
                continue;
            }

            var guide = merged[index];
            if (guide.Number != yml.Number || !string.Equals(guide.Title, yml.Title, StringComparison.OrdinalIgnoreCase) || guide.Slug != yml.Slug)
            {
                var what = guide.Number != yml.Number ? $"the slug '{yml.Slug}' with another number" : "the same number with another title";
                diagnostics.Error(yml.Location, "archetype-conflict", $"archetypes.yml declares {yml.NumberedTitle} but the guide has {guide.NumberedTitle} ({guide.Location}): {what}; make them agree or remove one");
                diagnostics.Error(guide.Location, "archetype-conflict", $"the guide declares {guide.NumberedTitle} but archetypes.yml has {yml.NumberedTitle} ({yml.Location}): {what}; make them agree or remove one");
                continue;
            }

            merged[index] = guide with
            {
                Probes = guide.Probes ?? yml.Probes,
                StoryShape = guide.StoryShape ?? yml.StoryShape,
                Template = guide.Template.Count > 0 ? guide.Template : yml.Template,
                TieIn = guide.TieIn ?? yml.TieIn,
            };
        }

        return merged.OrderBy(a => a.Number).ToList();
    }

    /// <summary>
    /// A question of archetypes.yml retrieves its archetype: when the guide has the same question, that one gains the archetype;
    /// otherwise it joins the question index in its own group.
    /// </summary>
    private static IReadOnlyList<Question> AddDeclaredQuestions(IReadOnlyList<Question> questions, IReadOnlyList<DeclaredQuestion> declared, IReadOnlyList<Archetype> archetypes)
    {
        if (declared.Count == 0)
        {
            return questions;
        }

        var known = archetypes.Select(a => a.Number).ToHashSet();
        var all = questions.ToList();
        var ids = all.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var question in declared.Where(q => known.Contains(q.Archetype)))
        {
            var same = all.FindIndex(q => Same(q.Text, question.Text));
            if (same >= 0)
            {
                if (!all[same].ArchetypeNumbers.Contains(question.Archetype))
                {
                    all[same] = all[same] with { ArchetypeNumbers = [.. all[same].ArchetypeNumbers, question.Archetype] };
                }

                continue;
            }

            var id = HeadingSlugger.Unique("q-" + HeadingSlugger.Slugify(question.Text), ids);
            all.Add(new Question(id, question.Text, DeclaredGroup, QuestionKind.Interview, [question.Archetype], [], question.Location.Path, null, question.Location));
        }

        return all;
    }

    /// <summary>The question index's group for questions that only archetypes.yml lists.</summary>
    public const string DeclaredGroup = "Questions by archetype";

    private static bool Same(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.');

    /// <summary>The bullet texts directly under every section whose heading matches <paramref name="heading"/>.</summary>
    private static IReadOnlyList<string> Bullets(IEnumerable<Section> sections, Regex heading) =>
        sections.Where(s => heading.IsMatch(s.Text))
            .SelectMany(s => s.Blocks.OfType<ListBlock>())
            .SelectMany(l => l.OfType<ListItemBlock>())
            .Select(i => i.FirstOrDefault() is ParagraphBlock p ? InlineText.Of(p) : "")
            .Where(t => t.Length > 0)
            .ToList();

    private static void WarnAboutUnknownReferences(IReadOnlyList<Chapter> chapters, IReadOnlyList<Archetype> archetypes, DiagnosticBag diagnostics)
    {
        var known = archetypes.Select(a => a.Number).ToHashSet();
        foreach (var chapter in chapters)
        {
            foreach (var reference in chapter.ArchetypeReferences)
            {
                if (!known.Contains(reference.Number))
                {
                    var range = known.Count == 0 ? "the guide defines no archetypes" : $"the guide's archetypes are {string.Join(", ", known.Order().Select(n => "#" + n.ToString(CultureInfo.InvariantCulture)))}";
                    diagnostics.Warning(new SourceLocation(chapter.SourcePath, reference.Line + 1, reference.Column + 1), "archetype-unknown-ref", $"'#{reference.Number.ToString(CultureInfo.InvariantCulture)}' refers to no archetype; {range}");
                }
            }
        }
    }

    // "Delivery rules", "Rules for answers" — but not "Anti-patterns".
    [GeneratedRegex(@"\brules\b", RegexOptions.IgnoreCase)]
    private static partial Regex RulesHeading();

    [GeneratedRegex(@"\banti-?patterns?\b", RegexOptions.IgnoreCase)]
    private static partial Regex AntiPatternsHeading();
}
