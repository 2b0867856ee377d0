using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Markdown;
using Handbook.Render.Pages;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Handbook.Render;

/// <summary>
/// The client-side search index: guide sections, archetypes, questions and the published stories, written as a script
/// (<c>window.HANDBOOK_SEARCH = [...]</c>) because browsers block fetching JSON from <c>file://</c>. The browser indexes it
/// with MiniSearch (<c>assets/vendor/minisearch/</c>) when search is first used.
/// Private stories never reach it: it is built from <see cref="Link.LinkedHandbook.Stories"/>, which holds only what is published.
/// </summary>
public static class SearchIndex
{
    /// <summary>What an entry is; the question filter searches only <see cref="Question"/> entries.</summary>
    public static class Kinds
    {
        public const string Section = "section";
        public const string Archetype = "archetype";
        public const string Question = "question";
        public const string Story = "story";
    }

    /// <summary>One entry: title, section (where it is: searched as its headings), site-root-relative URL, body text, kind.</summary>
    public sealed record Entry(string Title, string Section, string Url, string Body, string Kind = Kinds.Section);

    public static IReadOnlyList<Entry> Entries(SiteContext site)
    {
        var entries = new List<Entry>();
        var handbook = site.Handbook;

        // A guide heading that is an archetype or a question has an entry of its own (its page, or its place in the question
        // index): a section entry for the same heading would show the same result twice.
        var ownEntries = handbook.Model.Archetypes.Select(a => a.ChapterPath + "#" + a.HeadingId)
            .Concat(handbook.Model.Questions.Where(q => q.GuideHeadingId is not null).Select(q => q.ChapterPath + "#" + q.GuideHeadingId))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var page in site.Pages.OfType<ChapterPage>())
        {
            var prefix = page.Chapter.OutputPath + "#";
            entries.AddRange(SectionsOf.Of(page.Chapter).Where(e =>
                !e.Url.StartsWith(prefix, StringComparison.Ordinal) || !ownEntries.Contains(page.Chapter.SourcePath + "#" + e.Url[prefix.Length..])));
        }

        foreach (var archetype in handbook.Model.Archetypes)
        {
            var body = string.Join(' ', new[] { archetype.Probes, archetype.StoryShape }.Where(t => t is not null));
            entries.Add(new Entry(archetype.NumberedTitle, "Archetype", Urls.Archetype(archetype.Slug), body, Kinds.Archetype));
        }

        // The same question asked in two places of the guide (a table row and a heading) is one result.
        var questionTexts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var question in handbook.Model.Questions)
        {
            if (!questionTexts.Add(question.Text.Trim().TrimEnd('?', '.', '!')))
            {
                continue;
            }

            var answer = string.Join(' ', question.Answer.Select(InlineText.OfBlock));
            entries.Add(new Entry(question.Text, "Question · " + question.Group, Urls.Questions + "#" + question.Id, answer, Kinds.Question));
        }

        // Linked stories hold exactly what this build publishes: private ones only under --include-private (or in serve).
        foreach (var story in handbook.Stories)
        {
            var archetypes = handbook.StoryArchetypes[story.Id];
            var body = string.Join(' ', new[] { story.Situation.Value, story.Task.Value, story.Result.Value }
                .Concat(story.Actions.Select(a => a.Value)).Concat(story.Tags));
            if (archetypes.Count > 0)
            {
                var home = handbook.ArchetypesByNumber[archetypes[0]];
                entries.Add(new Entry(story.Title, "Story · " + home.NumberedTitle, Urls.Archetype(home.Slug) + "#story-" + story.Id, body, Kinds.Story));
            }
            else if (handbook.StoryForQuestion.FirstOrDefault(c => c.Value.Story.Id == story.Id && c.Value.Archetype is null) is { Value: not null } shown)
            {
                // A story without an archetype is shown in the question index, beside the question it answers.
                entries.Add(new Entry(story.Title, "Story · Question index", Urls.Questions + "#" + shown.Key + "-story", body, Kinds.Story));
            }
        }

        // Whatever else leads to the same place once is enough.
        return entries.DistinctBy(e => e.Url, StringComparer.Ordinal).ToList();
    }

    /// <summary>A chapter's section entries, made once per chapter object (the preview server keeps it while its text is unchanged).</summary>
    private static readonly Model.Derived<Model.Chapter, IReadOnlyList<Entry>> SectionsOf = new(c => ChapterSections(c).ToList());

    private static IEnumerable<Entry> ChapterSections(Model.Chapter chapter)
    {
        string title = chapter.Title;
        string anchor = "";
        string section = chapter.Title;
        string? h2 = null;
        // Front matter tags and keywords make the page findable by them.
        var body = new StringBuilder(string.Join(' ', chapter.Tags));
        foreach (var block in chapter.Document)
        {
            if (block is HeadingBlock heading && heading.Level <= 3)
            {
                if (body.Length > 0 || anchor.Length > 0)
                {
                    yield return new Entry(title, section, Urls.EncodePath(chapter.OutputPath) + anchor, body.ToString().Trim());
                }

                title = InlineText.Of(heading);
                // Results show where a section sits: the chapter, and for an h3 its h2 too.
                if (heading.Level <= 2)
                {
                    h2 = heading.Level == 2 ? title : null;
                    section = chapter.Title;
                }
                else
                {
                    section = h2 is null ? chapter.Title : chapter.Title + " › " + h2;
                }

                anchor = "#" + heading.GetAttributes().Id;
                body.Clear();
                continue;
            }

            if (block is not Markdig.Extensions.Yaml.YamlFrontMatterBlock)
            {
                body.Append(InlineText.OfBlock(block)).Append(' ');
            }
        }

        yield return new Entry(title, section, Urls.EncodePath(chapter.OutputPath) + anchor, body.ToString().Trim());
    }

    public static byte[] Script(IReadOnlyList<Entry> entries)
    {
        var parts = entries.Select(e => Json.Of(e)).ToList();
        var head = "window.HANDBOOK_SEARCH = ["u8;
        var tail = "];\n"u8;
        var script = new byte[head.Length + parts.Sum(p => p.Length) + Math.Max(0, parts.Count - 1) + tail.Length];
        head.CopyTo(script);
        var at = head.Length;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                script[at++] = (byte)',';
            }

            parts[i].CopyTo(script, at);
            at += parts[i].Length;
        }

        tail.CopyTo(script.AsSpan(at));
        return script;
    }

    /// <summary>
    /// Each entry's JSON, made once per entry object: the index holds the whole guide's text, and the preview server keeps a
    /// chapter's entries while its text is unchanged, so a save serializes only the entries it changed.
    /// </summary>
    private static readonly Model.Derived<Entry, byte[]> Json = new(ToJson);

    private static byte[] ToJson(Entry entry)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps the index readable; the file is loaded by src=, never inlined, so no text can close a script tag.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("t", entry.Title);
            json.WriteString("s", entry.Section);
            json.WriteString("u", entry.Url);
            json.WriteString("b", entry.Body);
            json.WriteString("k", entry.Kind);
            json.WriteEndObject();
        }

        return stream.ToArray();
    }
}
