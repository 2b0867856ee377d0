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
    public static GuideExtraction Extract(IReadOnlyList<Chapter> chapters, DiagnosticBag diagnostics)
    {
        var sections = chapters.Select(Section.Build).ToList();
        var archetypes = ArchetypeExtractor.Extract(sections, diagnostics);
        var questions = QuestionExtractor.Extract(sections, diagnostics);
        WarnAboutUnknownReferences(chapters, archetypes, diagnostics);
        var all = sections.SelectMany(roots => roots.SelectMany(r => r.SelfAndDescendants())).ToList();
        return new GuideExtraction(archetypes, questions, Bullets(all, RulesHeading()), Bullets(all, AntiPatternsHeading()));
    }

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
            foreach (var leaf in chapter.Document.Descendants<LeafBlock>())
            {
                if (leaf.Inline is null)
                {
                    continue;
                }

                foreach (var reference in leaf.Inline.Descendants<ArchetypeReferenceInline>())
                {
                    if (!known.Contains(reference.Number))
                    {
                        var range = known.Count == 0 ? "the guide defines no archetypes" : $"the guide's archetypes are {string.Join(", ", known.Order().Select(n => "#" + n.ToString(CultureInfo.InvariantCulture)))}";
                        diagnostics.Warning(new SourceLocation(chapter.SourcePath, reference.Line + 1, reference.Column + 1), "archetype-unknown-ref", $"'#{reference.Number.ToString(CultureInfo.InvariantCulture)}' refers to no archetype; {range}");
                    }
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
