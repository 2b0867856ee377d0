using Handbook.Model;
using Handbook.Render.Sheets;

namespace Handbook.Render.Pages;

/// <summary><c>cheatsheets/questions.html</c>: every interview question → the archetype it probes → the story to tell, on one page.</summary>
public sealed record QuestionSheetPage() : Page(Urls.QuestionSheet, "Question map", "question_sheet.html")
{
    public override bool IsSheet => true;

    public override void Describe(TemplateObject model, PageContext context)
    {
        var handbook = context.Site.Handbook;
        model.Set("has_story_bank", handbook.Model.HasStoryBank);
        // A guide with questions only (no archetypes) gets the list to rehearse, with no empty archetype column.
        model.Set("has_archetypes", handbook.Model.Archetypes.Count > 0);
        model.Set("questions", handbook.Model.Questions.Where(q => q.Kind == QuestionKind.Interview).Select(q =>
        {
            var choice = handbook.StoryForQuestion.GetValueOrDefault(q.Id);
            return new TemplateObject()
                .Set("text", q.Text)
                .Set("href", context.Href(Urls.Questions + "#" + q.Id))
                .Set("archetypes", q.ArchetypeNumbers.Where(handbook.ArchetypesByNumber.ContainsKey).Select(n => handbook.ArchetypesByNumber[n])
                    .Select(a => new TemplateObject().Set("label", $"#{TemplateObject.Number(a.Number)} {a.Title}").Set("href", context.Href(Urls.Archetype(a.Slug)))).ToList())
                .Set("story", choice is null ? null : Condense.Clip(choice.Story.Title, 60));
        }).ToList());
    }
}
