using System.Globalization;
using Handbook.Diagnostics;
using Handbook.Model;

namespace Handbook.Link;

/// <summary>The link stage: resolves story → archetype references and question → archetype → story.</summary>
public static class Linker
{
    public static LinkedHandbook Link(HandbookModel model, bool includePrivate, DiagnosticBag diagnostics)
    {
        var byNumber = model.Archetypes.ToDictionary(a => a.Number);
        var bySlug = model.Archetypes.ToDictionary(a => a.Slug, StringComparer.Ordinal);

        var storyArchetypes = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var story in model.Stories)
        {
            var numbers = new List<int>();
            foreach (var reference in story.Archetypes)
            {
                var number = Resolve(reference, byNumber, bySlug, "story-unknown-archetype", diagnostics);
                if (number is int n && !numbers.Contains(n))
                {
                    numbers.Add(n);
                }
            }

            storyArchetypes[story.Id] = numbers;
        }

        // A story that answers a question serves the archetypes that question probes: it shows on their pages and covers them.
        var questionsOfStory = ResolveQuestions(model, diagnostics);
        foreach (var (storyId, questions) in questionsOfStory)
        {
            var numbers = storyArchetypes[storyId].ToList();
            numbers.AddRange(questions.SelectMany(q => q.ArchetypeNumbers).Where(n => byNumber.ContainsKey(n) && !numbers.Contains(n)).Distinct());
            storyArchetypes[storyId] = numbers;
        }

        foreach (var reference in model.DroppedStoryRefs)
        {
            Resolve(reference, byNumber, bySlug, "story-unknown-archetype", diagnostics);
        }

        var published = model.Stories.Where(s => includePrivate || s.IsPublic).ToList();
        var storiesByArchetype = new Dictionary<int, IReadOnlyList<Story>>();
        foreach (var archetype in model.Archetypes)
        {
            storiesByArchetype[archetype.Number] = published
                .Where(s => storyArchetypes[s.Id].Contains(archetype.Number))
                .OrderByDescending(s => s.Primary)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
        }

        WarnAboutSeveralPrimaries(model, storyArchetypes, diagnostics);

        var questionsByArchetype = model.Archetypes.ToDictionary(
            a => a.Number,
            a => (IReadOnlyList<Question>)model.Questions.Where(q => q.ArchetypeNumbers.Contains(a.Number)).ToList());

        // A story that names a question is the one to tell for it; otherwise the primary story of the question's first archetype that has one.
        var storyForQuestion = new Dictionary<string, StoryChoice>(StringComparer.Ordinal);
        foreach (var story in published.OrderByDescending(s => s.Primary).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            foreach (var question in questionsOfStory.GetValueOrDefault(story.Id, []))
            {
                if (!storyForQuestion.ContainsKey(question.Id))
                {
                    int? through = question.ArchetypeNumbers.FirstOrDefault(n => storyArchetypes[story.Id].Contains(n)) is var n and > 0 ? n : storyArchetypes[story.Id].FirstOrDefault() is var first and > 0 ? first : null;
                    storyForQuestion[question.Id] = new StoryChoice(story, through);
                }
            }
        }

        foreach (var question in model.Questions.Where(q => !storyForQuestion.ContainsKey(q.Id)))
        {
            foreach (var number in question.ArchetypeNumbers)
            {
                if (storiesByArchetype.TryGetValue(number, out var stories) && stories.Count > 0)
                {
                    storyForQuestion[question.Id] = new StoryChoice(stories[0], number);
                    break;
                }
            }
        }

        var questionByHeading = model.Questions
            .Where(q => q.GuideHeadingId is not null)
            .GroupBy(q => q.ChapterPath + "#" + q.GuideHeadingId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var (rounds, scales) = LoopLinker.Link(model, byNumber, bySlug, diagnostics);
        return new LinkedHandbook(model, published, byNumber, storiesByArchetype, questionsByArchetype, storyForQuestion, storyArchetypes, questionByHeading)
        {
            Content = new Render.ContentIndex(model.Chapters, model.Drafts, model.StaticFiles, model.ContentDir),
            Rounds = rounds,
            Scales = scales,
        };
    }

    /// <summary>The questions each story names, by id or by text (case, spacing and a final '?' aside); an unknown one is an error at its line.</summary>
    private static Dictionary<string, List<Question>> ResolveQuestions(HandbookModel model, DiagnosticBag diagnostics)
    {
        var byId = model.Questions.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byText = model.Questions.GroupBy(q => NormalizeQuestion(q.Text), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var result = new Dictionary<string, List<Question>>(StringComparer.Ordinal);
        foreach (var story in model.Stories)
        {
            var named = new List<Question>();
            foreach (var reference in story.Questions)
            {
                if (byId.TryGetValue(reference.Text, out var question) || byText.TryGetValue(NormalizeQuestion(reference.Text), out question))
                {
                    if (!named.Contains(question))
                    {
                        named.Add(question);
                    }

                    continue;
                }

                var closest = Text.Spelling.Closest(NormalizeQuestion(reference.Text), byText.Keys);
                var hint = model.Questions.Count == 0 ? "the guide has no questions"
                    : closest is not null ? $"did you mean \"{byText[closest].Text}\" ({byText[closest].Id})?"
                    : "name a question of the question index by its text or its id (the part after '#' in its link)";
                diagnostics.Error(reference.Location, "story-unknown-question", $"unknown question '{reference.Text}'; {hint}");
            }

            result[story.Id] = named;
        }

        return result;
    }

    private static string NormalizeQuestion(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('?', '.', ' ').ToLowerInvariant();

    /// <summary>The archetype a story or the loop names by number or slug; an unknown one is reported with <paramref name="code"/>.</summary>
    internal static int? Resolve(ArchetypeRef reference, IReadOnlyDictionary<int, Archetype> byNumber, IReadOnlyDictionary<string, Archetype> bySlug, string code, DiagnosticBag diagnostics)
    {
        var text = reference.Text.Trim().TrimStart('#');
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (byNumber.ContainsKey(number))
            {
                return number;
            }

            var range = byNumber.Count == 0 ? "the guide defines no archetypes" : $"the guide's archetypes are numbered {byNumber.Keys.Min()} to {byNumber.Keys.Max()}";
            diagnostics.Error(reference.Location, code, $"unknown archetype #{number}; {range}");
            return null;
        }

        if (bySlug.TryGetValue(text, out var archetype))
        {
            return archetype.Number;
        }

        var closest = Text.Spelling.Closest(text, bySlug.Keys)
            ?? bySlug.Keys.FirstOrDefault(k => k.Contains(text, StringComparison.Ordinal) || text.Contains(k, StringComparison.Ordinal));
        var hint = closest is null
            ? $"known archetypes: {string.Join(", ", bySlug.Values.OrderBy(a => a.Number).Select(a => $"{a.Number.ToString(CultureInfo.InvariantCulture)} ({a.Slug})"))}"
            : $"did you mean '{closest}' (#{bySlug[closest].Number.ToString(CultureInfo.InvariantCulture)})?";
        diagnostics.Error(reference.Location, code, $"unknown archetype '{text}'; {hint}");
        return null;
    }

    private static void WarnAboutSeveralPrimaries(HandbookModel model, Dictionary<string, IReadOnlyList<int>> storyArchetypes, DiagnosticBag diagnostics)
    {
        foreach (var archetype in model.Archetypes)
        {
            var primaries = model.Stories.Where(s => s.Primary && storyArchetypes[s.Id].Contains(archetype.Number)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            foreach (var extra in primaries.Skip(1))
            {
                diagnostics.Warning(extra.Location, "story-several-primary", $"archetype #{archetype.Number.ToString(CultureInfo.InvariantCulture)} has several primary stories ({string.Join(", ", primaries.Select(p => p.Id))}); '{primaries[0].Id}' is used");
            }
        }
    }
}
