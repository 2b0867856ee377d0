using Handbook.Model;

namespace Handbook.Render.Pages;

/// <summary><c>questions.html</c>: every question by its section, with the archetypes it maps to and the story to tell.</summary>
public sealed record QuestionIndexPage() : Page(Urls.Questions, "Question index", "questions.html")
{
    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        var groups = handbook.Model.Questions
            .GroupBy(q => (q.Kind, q.Group))
            .OrderBy(g => g.Key.Kind)
            .Select(g => new TemplateObject()
                .Set("title", g.Key.Group)
                .Set("id", "group-" + Markdown.HeadingSlugger.Slugify(g.Key.Group))
                .Set("to_ask", g.Key.Kind == QuestionKind.ToAsk)
                .Set("questions", g.Select(q => Question(context, q)).ToList()))
            .ToList();
        model.Set("groups", groups);
        model.Set("interview_count", handbook.Model.Questions.Count(q => q.Kind == QuestionKind.Interview));
        model.Set("to_ask_count", handbook.Model.Questions.Count(q => q.Kind == QuestionKind.ToAsk));
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
    }

    private static TemplateObject Question(PageContext context, Question question)
    {
        var handbook = context.Site.Handbook;
        var story = handbook.StoryForQuestion.GetValueOrDefault(question.Id);
        var chapter = question.GuideHeadingId is null ? null : handbook.Model.Chapters.FirstOrDefault(c => c.SourcePath == question.ChapterPath);
        return ArchetypeModels.QuestionLink(context, question)
            .Set("guide", chapter is null ? null : new TemplateObject()
                .Set("title", chapter.Title)
                .Set("href", context.Href(chapter.OutputPath + "#" + question.GuideHeadingId)))
            .Set("answer", question.Answer.Count == 0 ? null : context.RenderMarkdown(question.Answer))
            .Set("archetypes", question.ArchetypeNumbers
                .Where(handbook.ArchetypesByNumber.ContainsKey)
                .Select(n => ArchetypeModels.Summary(context, handbook.ArchetypesByNumber[n]))
                .ToList())
            .Set("story", story is null ? null : new TemplateObject()
                .Set("title", story.Story.Title)
                .Set("href", story.Archetype is int n ? context.Href(Urls.Archetype(handbook.ArchetypesByNumber[n].Slug) + "#story-" + story.Story.Id) : null)
                // A story without an archetype has no page of its own: it is shown here, beside the question it answers.
                .Set("full", story.Archetype is null ? StoryModels.Story(context, story.Story) : null));
    }
}
