using System.Text.RegularExpressions;
using Handbook.Diagnostics;
using Handbook.Markdown;
using Handbook.Markdown.Admonitions;
using Handbook.Model;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Handbook.Guide;

/// <summary>
/// Finds the guide's questions:
/// the rows of any pipe table whose cells hold archetype references (first column = question);
/// each subheading of a section whose heading mentions "questions", with its answer;
/// the bullets of such a section when it has no subheadings — the candidate's own questions when the heading says "to ask".
/// Archetype references in a question's row or answer map it to those archetypes.
/// </summary>
public static partial class QuestionExtractor
{
    public static IReadOnlyList<Question> Extract(IReadOnlyList<IReadOnlyList<Section>> chapters, DiagnosticBag diagnostics)
    {
        _ = diagnostics;
        var questions = new List<Question>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var callouts = new List<(Section Section, AdmonitionBlock Callout)>();
        foreach (var roots in chapters)
        {
            foreach (var section in Section.InOrder(roots))
            {
                var found = Found.Of(section);
                foreach (var table in found.Tables)
                {
                    questions.AddRange(FromTable(section, table, ids));
                }

                callouts.AddRange(found.Callouts.Select(c => (section, c)));

                if (!found.MentionsQuestions)
                {
                    continue;
                }

                if (section.Children.Count > 0)
                {
                    foreach (var child in section.Children)
                    {
                        questions.Add(new Question(
                            Id(child.Text, ids),
                            child.Text,
                            section.Text,
                            QuestionKind.Interview,
                            References(child.Blocks),
                            child.Blocks,
                            section.Chapter.SourcePath,
                            child.Id,
                            child.Location));
                    }
                }
                else
                {
                    var kind = ToAsk().IsMatch(section.Text) ? QuestionKind.ToAsk : QuestionKind.Interview;
                    foreach (var item in section.Blocks.OfType<ListBlock>().SelectMany(l => l.OfType<ListItemBlock>()))
                    {
                        if (item.FirstOrDefault() is not ParagraphBlock paragraph)
                        {
                            continue;
                        }

                        var text = InlineText.Of(paragraph);
                        var answer = item.Skip(1).ToList();
                        questions.Add(new Question(
                            Id(text, ids),
                            text,
                            section.Text,
                            kind,
                            References([item]),
                            answer,
                            section.Chapter.SourcePath,
                            null,
                            new SourceLocation(section.Chapter.SourcePath, item.Line + 1, item.Column + 1)));
                    }
                }
            }
        }

        AddCallouts(questions, callouts, ids);
        return questions;
    }

    /// <summary>Whether a chapter's sections hold a question by any of this extractor's conventions.</summary>
    public static bool AsksAny(IReadOnlyList<Section> roots) =>
        Section.InOrder(roots).Select(Found.Of).Any(f => f.MentionsQuestions || f.Tables.Count > 0 || f.Callouts.Count > 0);

    /// <summary>
    /// A section's question tables (those whose cells beyond the first hold archetype references) and question call-outs, found
    /// once per section object: sections are kept per chapter object, which the preview server keeps while its text is unchanged.
    /// </summary>
    private sealed record SectionFinds(IReadOnlyList<Table> Tables, IReadOnlyList<AdmonitionBlock> Callouts, bool MentionsQuestions);

    private static readonly Derived<Section, SectionFinds> Found = new(Find);

    private static SectionFinds Find(Section section)
    {
        // A section of a chapter without archetype references (ChapterFacts found them all as it was read) has no question table.
        var tables = section.Chapter.ArchetypeReferences.Count == 0 ? [] : Containing<Table>(section.Blocks).Where(IsQuestionTable).ToList();
        return new SectionFinds(tables, QuestionCallouts(section).ToList(), MentionsQuestions().IsMatch(section.Text));
    }

    /// <summary>A table whose rows below the header hold an archetype reference beyond their first cell.</summary>
    private static bool IsQuestionTable(Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            for (var cell = 1; !row.IsHeader && cell < row.Count; cell++)
            {
                if (HasReference(row[cell]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasReference(Block block) => block switch
    {
        LeafBlock leaf => HasReference(leaf.Inline),
        ContainerBlock container => container.Any(HasReference),
        _ => false,
    };

    private static bool HasReference(ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is ArchetypeReferenceInline || (inline is ContainerInline inner && HasReference(inner)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <typeparamref name="T"/> blocks among <paramref name="blocks"/> and inside them, in document order. Only containers are
    /// searched: asking every paragraph of a guide for its descendants cost an enumerator each.
    /// </summary>
    private static IEnumerable<T> Containing<T>(IEnumerable<Block> blocks)
        where T : Block
    {
        foreach (var block in blocks)
        {
            if (block is T found)
            {
                yield return found;
            }

            if (block is ContainerBlock container)
            {
                foreach (var inner in container.Descendants<T>())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>MkDocs Material's <c>??? question "Tell me about…"</c> call-outs in a section (not in its subsections).</summary>
    private static IEnumerable<AdmonitionBlock> QuestionCallouts(Section section) =>
        Containing<AdmonitionBlock>(section.Blocks).Where(a => a.IsQuestion);

    /// <summary>
    /// A question call-out is a question: its title is the question, its folded body the answer, linked back to the call-out's
    /// anchor. One the chapter already asks another way (a question subheading with the call-out under it) is not asked twice:
    /// it gives that question its answer and archetypes if it had none.
    /// </summary>
    private static void AddCallouts(List<Question> questions, List<(Section Section, AdmonitionBlock Callout)> callouts, HashSet<string> ids)
    {
        foreach (var (section, callout) in callouts)
        {
            var text = callout.DisplayTitle;
            var chapter = section.Chapter.SourcePath;
            var slug = HeadingSlugger.Slugify(text);
            var answer = callout.ToList();
            var references = References(callout);
            var same = questions.FindIndex(q => q.ChapterPath == chapter && HeadingSlugger.Slugify(q.Text) == slug);
            if (same >= 0)
            {
                var first = questions[same];
                questions[same] = first with
                {
                    Answer = first.Answer.Count > 0 ? first.Answer : answer,
                    ArchetypeNumbers = first.ArchetypeNumbers.Count > 0 ? first.ArchetypeNumbers : references,
                };
                continue;
            }

            questions.Add(new Question(
                Id(text, ids),
                text,
                section.Text,
                QuestionKind.Interview,
                references,
                answer,
                chapter,
                callout.TryGetAttributes()?.Id,
                new SourceLocation(chapter, callout.Line + 1, callout.Column + 1)));
        }
    }

    private static IEnumerable<Question> FromTable(Section section, Table table, HashSet<string> ids)
    {
        var rows = table.OfType<TableRow>().Where(r => !r.IsHeader).ToList();
        var questions = new List<Question>();
        foreach (var row in rows)
        {
            if (row.FirstOrDefault() is not TableCell first)
            {
                continue;
            }

            var text = InlineText.OfBlock(first).Trim();
            if (text.Length == 0)
            {
                continue;
            }

            questions.Add(new Question(
                Id(text, ids),
                text,
                section.Text,
                QuestionKind.Interview,
                References(row.Skip(1)),
                [],
                section.Chapter.SourcePath,
                null,
                new SourceLocation(section.Chapter.SourcePath, row.Line + 1, row.Column + 1)));
        }

        return questions;
    }

    /// <summary>The archetype numbers referenced in blocks, in order of first mention.</summary>
    private static IReadOnlyList<int> References(IEnumerable<Block> blocks) =>
        // Descendants() leaves out the block itself: an answer written as a plain paragraph is a LeafBlock of its own.
        blocks.SelectMany(b => b.Descendants<LeafBlock>().Prepend(b as LeafBlock))
            .Where(l => l?.Inline is not null)
            .SelectMany(l => l!.Inline!.Descendants<ArchetypeReferenceInline>())
            .Select(r => r.Number)
            .Distinct()
            .ToList();

    private static string Id(string text, HashSet<string> used) => HeadingSlugger.Unique("q-" + HeadingSlugger.Slugify(text), used);

    [GeneratedRegex(@"\bquestions\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionsQuestions();

    [GeneratedRegex(@"\bto ask\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToAsk();
}
