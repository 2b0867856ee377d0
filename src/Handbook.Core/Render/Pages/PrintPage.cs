using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>
/// <c>print.html</c>: the whole handbook as one printable document — guide chapters, archetypes with their stories, the
/// question index — with a table of contents and a page break between parts (mdBook's print page, with our structure).
/// A guide too large to list in every sidebar (<see cref="GuideNavigation.Prunes"/>) is too large for one document too: the
/// page would grow with the site (12 MB at 1,000 chapters), so it then holds the handbook's own parts and says to print a
/// chapter from its page, which prints on its own.
/// </summary>
public sealed record PrintPage() : Page(Urls.Print, "The whole handbook", "print.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;

        // Each chapter is a section of this one document: its heading ids get the section's id in front, so two chapters'
        // "Summary" headings stay apart, and links between chapters become links within the document.
        var sections = handbook.Model.Chapters.ToDictionary(
            c => c.OutputPath,
            c => "print-" + Markdown.HeadingSlugger.Slugify(c.OutputPath.Replace(".html", "", StringComparison.Ordinal)),
            StringComparer.Ordinal);
        var wholeGuide = !GuideNavigation.Prunes(context.Site);
        model.Set("chapters_left_out", wholeGuide ? 0 : handbook.Model.Chapters.Count);
        model.Set("chapters", handbook.Model.Chapters.Where(_ => wholeGuide).Select(c => new TemplateObject()
            .Set("id", sections[c.OutputPath])
            .Set("title", c.Title)
            .Set("title_heading", c.HasH1 ? null : c.Title)
            .Set("body", new PageContext(context.Site, this)
            {
                PartOf = context,
                Chapter = c,
                HeadingOffset = 1,
                HeadingIdPrefix = sections[c.OutputPath] + "-",
                ChapterSections = sections,
                ArchetypeSection = ArchetypeSection,
            }.RenderChapter(c))).ToList());
        model.Set("archetypes", handbook.Model.Archetypes.Select(a => ArchetypeModels.Summary(context, a)
            .Set("print_id", ArchetypeSection(a))
            .Set("stories", handbook.StoriesFor(a.Number).Select(s => StoryModels.Story(context, s).Set("anchor", $"print-{a.Slug}-{s.Id}")).ToList())).ToList());
        model.Set("questions", handbook.Model.Questions.Where(q => q.Kind == QuestionKind.Interview).Select(q =>
        {
            var choice = handbook.StoryForQuestion.GetValueOrDefault(q.Id);
            return new TemplateObject()
                .Set("text", q.Text)
                .Set("archetypes", string.Join(", ", q.ArchetypeNumbers.Where(handbook.ArchetypesByNumber.ContainsKey).Select(n => handbook.ArchetypesByNumber[n].NumberedTitle)))
                .Set("story", choice?.Story.Title);
        }).ToList());
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
    }

    private static string ArchetypeSection(Archetype archetype) => "print-archetype-" + archetype.Slug;
}
