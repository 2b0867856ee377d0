using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary>Template models of archetypes, questions and stories, shared by the pages that show them.</summary>
public static class ArchetypeModels
{
    public static TemplateObject Summary(PageContext context, Archetype archetype) => new TemplateObject()
        .Set("number", archetype.Number)
        .Set("title", archetype.Title)
        .Set("numbered_title", archetype.NumberedTitle)
        .Set("slug", archetype.Slug)
        .Set("href", context.Href(Urls.Archetype(archetype.Slug)))
        .Set("probes", archetype.Probes)
        .Set("story_shape", archetype.StoryShape)
        .Set("template", archetype.Template.Select(p => new TemplateObject().Set("name", p.Name).Set("prompt", p.Prompt)).ToList())
        .Set("tie_in", archetype.TieIn is null ? null : new TemplateObject().Set("kind", archetype.TieIn.Kind).Set("text", archetype.TieIn.Text))
        .Set("guide_href", GuideTarget(context, archetype) is { } target ? context.Href(target) : null)
        .Set("cheatsheet_href", context.Site.Exists(Urls.Cheatsheet) ? context.Href(Urls.Cheatsheet + "#a-" + archetype.Slug) : null)
        .Set("question_sheet_href", context.Site.Exists(Urls.QuestionSheet) ? context.Href(Urls.QuestionSheet) : null)
        .Set("scorecard_href", context.Site.Exists(Urls.Scorecard(archetype.Slug)) ? context.Href(Urls.Scorecard(archetype.Slug)) : null);

    public static TemplateObject QuestionLink(PageContext context, Question question) => new TemplateObject()
        .Set("id", question.Id)
        .Set("text", question.Text)
        .Set("group", question.Group)
        .Set("href", context.Href(Urls.Questions + "#" + question.Id));

    /// <summary>The archetype's section of the guide; null for one declared only in archetypes.yml.</summary>
    private static string? GuideTarget(PageContext context, Archetype archetype)
    {
        if (archetype.HeadingId.Length == 0)
        {
            return null;
        }

        var chapter = context.Site.Handbook.Model.Chapters.FirstOrDefault(c => c.SourcePath == archetype.ChapterPath);
        return chapter is null ? Urls.Index : chapter.OutputPath + "#" + archetype.HeadingId;
    }
}
