using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Handbook.Markdown;
using Handbook.Render.Pages;

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

    /// <summary>One entry: title, section (where it is: searched as its headings), site-root-relative URL, body text (UTF-8), kind.</summary>
    public sealed record Entry(string Title, string Section, string Url, byte[] Body, string Kind = Kinds.Section);

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
            entries.Add(new Entry(archetype.NumberedTitle, "Archetype", Urls.Archetype(archetype.Slug), Encoding.UTF8.GetBytes(body), Kinds.Archetype));
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
            entries.Add(new Entry(question.Text, "Question · " + question.Group, Urls.Questions + "#" + question.Id, Encoding.UTF8.GetBytes(answer), Kinds.Question));
        }

        // Linked stories hold exactly what this build publishes: private ones only under --include-private (or in serve).
        foreach (var story in handbook.Stories)
        {
            var archetypes = handbook.StoryArchetypes[story.Id];
            var body = Encoding.UTF8.GetBytes(string.Join(' ', new[] { story.Situation.Value, story.Task.Value, story.Result.Value }
                .Concat(story.Actions.Select(a => a.Value)).Concat(story.Tags)));
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
    private static readonly Model.Derived<Model.Chapter, IReadOnlyList<Entry>> SectionsOf = new(c =>
        c.SearchSections.Select(s => new Entry(s.Title, s.Section, Urls.EncodePath(c.OutputPath) + s.Anchor, s.Text)).ToList());

    /// <summary>
    /// Writes the index as a script to <paramref name="output"/>, an entry at a time: the index holds the whole guide's text
    /// (87 MB at 10,000 pages), which is never gathered into one buffer.
    /// </summary>
    public static void Write(IReadOnlyList<Entry> entries, Stream output)
    {
        output.Write("window.HANDBOOK_SEARCH = "u8);
        if (Model.DerivedValues.KeepAcrossBuilds)
        {
            output.WriteByte((byte)'[');
            for (var i = 0; i < entries.Count; i++)
            {
                if (i > 0)
                {
                    output.WriteByte((byte)',');
                }

                output.Write(Json.Of(entries[i]));
            }

            output.WriteByte((byte)']');
        }
        else
        {
            // A one-shot build keeps nothing for the next one: one writer straight to the file, no buffer per entry.
            using var json = new Utf8JsonWriter(output, WriterOptions);
            json.WriteStartArray();
            foreach (var entry in entries)
            {
                WriteEntry(json, entry);
                if (json.BytesPending > 64 * 1024)
                {
                    json.Flush();
                }
            }

            json.WriteEndArray();
        }

        output.Write(";\n"u8);
    }

    /// <summary>Relaxed escaping keeps the index readable; the file is loaded by src=, never inlined, so no text can close a script tag.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Each entry's JSON, made once per entry object where the preview server keeps a chapter's entries while its text is
    /// unchanged, so a save serializes only the entries it changed.
    /// </summary>
    private static readonly Model.Derived<Entry, byte[]> Json = new(ToJson);

    private static byte[] ToJson(Entry entry)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteEntry(json, entry);
        }

        return stream.ToArray();
    }

    private static void WriteEntry(Utf8JsonWriter json, Entry entry)
    {
        json.WriteStartObject();
        json.WriteString("t", entry.Title);
        json.WriteString("s", entry.Section);
        json.WriteString("u", entry.Url);
        json.WriteString("b", entry.Body.AsSpan());
        json.WriteString("k", entry.Kind);
        json.WriteEndObject();
    }
}
