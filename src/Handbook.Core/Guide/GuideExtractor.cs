using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Markdown;
using Handbook.Model;
using Markdig.Syntax;

namespace Handbook.Guide;

/// <summary>What the guide defines beyond prose: its archetypes and its questions.</summary>
public sealed record GuideExtraction(IReadOnlyList<Archetype> Archetypes, IReadOnlyList<Question> Questions);

/// <summary>Extracts archetypes and questions from the chapters' Markdown ASTs by the documented conventions.</summary>
public static class GuideExtractor
{
    public static GuideExtraction Extract(IReadOnlyList<Chapter> chapters, DiagnosticBag diagnostics)
    {
        var sections = chapters.Select(Section.Build).ToList();
        var archetypes = ArchetypeExtractor.Extract(sections, diagnostics);
        var questions = QuestionExtractor.Extract(sections, diagnostics);
        WarnAboutUnknownReferences(chapters, archetypes, diagnostics);
        return new GuideExtraction(archetypes, questions);
    }

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
}
